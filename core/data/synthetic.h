// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Synthetic two-dimensional classification sets for decision-boundary views. Each generator
 * draws the training and test sets from independent streams of the same seed.
 */
#include "data/dataset.h"
#include "text/nametable.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace logitlab {

/** \brief The synthetic 2-D data sets. */
enum class SyntheticKind {
    Spiral, ///< 3 interleaved spiral arms (CS231n's example), 3 classes
    Xor, ///< points in [-1, 1]^2, class = [x y < 0], 2 classes
    Circles, ///< an inner disc (r < 0.5) and an outer ring (0.7 < r < 1), 2 classes
    Blobs ///< 4 Gaussian blobs (sd 0.35) centred at (+-1, +-1), 4 classes
};

inline constexpr NameTable<SyntheticKind, 4> syntheticNames {{
    {SyntheticKind::Spiral, "spiral"},
    {SyntheticKind::Xor, "xor"},
    {SyntheticKind::Circles, "circles"},
    {SyntheticKind::Blobs, "blobs"},
}};

/** Parses a canonical data set name; empty optional if unknown. */
inline std::optional<SyntheticKind> parseSynthetic(std::string_view text)
{
    return parseNameIn(syntheticNames, text);
}

/** The canonical name of \a k ("spiral", "xor", "circles", "blobs"). */
inline std::string_view syntheticName(SyntheticKind k)
{
    return nameOf(syntheticNames, k);
}

/** \brief Size, noise and seed of a synthetic set. */
struct SyntheticSpec {
    SyntheticKind kind = SyntheticKind::Spiral;
    int trainSize = 1200; ///< training samples (spread evenly over the classes)
    int testSize = 300; ///< test samples
    double noise = 0.1; ///< standard deviation of Gaussian noise added to each coordinate
    std::uint64_t seed = 1; ///< seeds the draw (train from stream 10, test from stream 11)
};

/** The number of classes of \a kind. */
int syntheticClasses(SyntheticKind kind);

/** Draws the training and test sets of \a spec. */
DataSplit makeSynthetic(const SyntheticSpec &spec);

} // namespace logitlab
