// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

#include "common/check.hpp"
#include "common/status.hpp"

namespace onestory {

// Either a value or the Status explaining why there is none.
template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}        // NOLINT: implicit by design
    Result(Status status) : state_(std::in_place_index<1>, std::move(status)) {  // NOLINT
        ONESTORY_CHECK(!std::get<1>(state_).ok(), "Result built from an ok Status");
    }

    bool ok() const { return state_.index() == 0; }
    const Status& status() const {
        static const Status kOk;
        return ok() ? kOk : std::get<1>(state_);
    }
    T& value() & {
        ONESTORY_CHECK(ok(), "value() of a failed Result");
        return std::get<0>(state_);
    }
    const T& value() const& {
        ONESTORY_CHECK(ok(), "value() of a failed Result");
        return std::get<0>(state_);
    }
    T&& value() && {
        ONESTORY_CHECK(ok(), "value() of a failed Result");
        return std::get<0>(std::move(state_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::variant<T, Status> state_;
};

}  // namespace onestory

#define ONESTORY_CONCAT_INNER_(a, b) a##b
#define ONESTORY_CONCAT_(a, b) ONESTORY_CONCAT_INNER_(a, b)

// ONESTORY_ASSIGN_OR_RETURN(auto row, store.Get(id));
#define ONESTORY_ASSIGN_OR_RETURN(lhs, expr) \
    ONESTORY_ASSIGN_OR_RETURN_IMPL_(ONESTORY_CONCAT_(onestory_result_, __LINE__), lhs, expr)
#define ONESTORY_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
    auto tmp = (expr);                                  \
    if (!tmp.ok()) return tmp.status();                 \
    lhs = std::move(tmp).value()
