// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

// k-anonymity over quasi-identifiers by global recoding, then suppression.
//
// Each quasi-identifier has a generalisation hierarchy: level 0 is the
// value as recorded, each higher level coarser, the top level "*" (withheld)
// for every value. The anonymiser first counts every combination of
// level-0 values (memory grows with the number of distinct combinations,
// never with the records), then raises, one at a time, the level of the
// attribute with the most distinct values (the Datafly heuristic) until at
// most k records sit in combinations held by fewer than k; those records
// are suppressed. Every combination written therefore occurs at least k
// times.
namespace onestory::domain {

struct QuasiIdentifier {
    std::string name;
    int top_level = 1;  // the level at which every value is "*"
    // The value at a level (0 <= level <= top_level).
    std::function<std::string(const std::string& value, int level)> generalise;
};

class KAnonymiser {
  public:
    KAnonymiser(std::vector<QuasiIdentifier> attributes, int k);

    // Pass 1: one record's level-0 values, in attribute order.
    void Count(const std::vector<std::string>& values);
    // Chooses the levels and the classes to suppress. Call once, after counting.
    void Decide();
    // Pass 2: the generalised record, or nothing when it is suppressed.
    bool Release(const std::vector<std::string>& values, std::vector<std::string>& out) const;

    const std::vector<int>& levels() const { return levels_; }
    std::int64_t counted() const { return counted_; }
    std::int64_t suppressed() const { return suppressed_; }
    int k() const { return k_; }
    const std::vector<QuasiIdentifier>& attributes() const { return attributes_; }

  private:
    std::vector<std::string> Generalise(const std::vector<std::string>& values, const std::vector<int>& levels) const;
    std::map<std::vector<std::string>, std::int64_t> CountsAt(const std::vector<int>& levels) const;

    std::vector<QuasiIdentifier> attributes_;
    int k_;
    std::map<std::vector<std::string>, std::int64_t> base_;
    std::map<std::vector<std::string>, std::int64_t> released_;
    std::vector<int> levels_;
    std::int64_t counted_ = 0;
    std::int64_t suppressed_ = 0;
};

}  // namespace onestory::domain
