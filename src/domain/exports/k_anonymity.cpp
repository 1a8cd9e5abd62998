// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/exports/k_anonymity.hpp"

#include <algorithm>
#include <set>

namespace onestory::domain {

KAnonymiser::KAnonymiser(std::vector<QuasiIdentifier> attributes, int k)
    : attributes_(std::move(attributes)), k_(std::max(k, 1)), levels_(attributes_.size(), 0) {}

void KAnonymiser::Count(const std::vector<std::string>& values) {
    ++base_[values];
    ++counted_;
}

std::vector<std::string> KAnonymiser::Generalise(const std::vector<std::string>& values,
                                                 const std::vector<int>& levels) const {
    std::vector<std::string> out;
    out.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        out.push_back(levels[i] >= attributes_[i].top_level ? std::string("*")
                                                            : attributes_[i].generalise(values[i], levels[i]));
    }
    return out;
}

std::map<std::vector<std::string>, std::int64_t> KAnonymiser::CountsAt(const std::vector<int>& levels) const {
    std::map<std::vector<std::string>, std::int64_t> out;
    for (const auto& [values, n] : base_) out[Generalise(values, levels)] += n;
    return out;
}

void KAnonymiser::Decide() {
    for (;;) {
        released_ = CountsAt(levels_);
        std::int64_t below = 0;
        for (const auto& [values, n] : released_) {
            if (n < k_) below += n;
        }
        if (below <= k_) break;
        // Raise the attribute with the most distinct values still below its top.
        std::size_t best = attributes_.size();
        std::size_t most = 0;
        for (std::size_t i = 0; i < attributes_.size(); ++i) {
            if (levels_[i] >= attributes_[i].top_level) continue;
            std::set<std::string> distinct;
            for (const auto& [values, n] : released_) distinct.insert(values[i]);
            if (best == attributes_.size() || distinct.size() > most) {
                best = i;
                most = distinct.size();
            }
        }
        if (best == attributes_.size()) break;  // everything is "*": what remains below k is suppressed
        ++levels_[best];
    }
    suppressed_ = 0;
    for (auto it = released_.begin(); it != released_.end();) {
        if (it->second < k_) {
            suppressed_ += it->second;
            it = released_.erase(it);
        } else {
            ++it;
        }
    }
}

bool KAnonymiser::Release(const std::vector<std::string>& values, std::vector<std::string>& out) const {
    out = Generalise(values, levels_);
    return released_.count(out) > 0;
}

}  // namespace onestory::domain
