// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace onestory {

// A file compiled into the binary by the onestory_embed build tool: SQL
// migrations and the web app's assets. The bytes live for the whole program.
struct EmbeddedFile {
    std::string_view path;
    std::string_view bytes;
};

}  // namespace onestory
