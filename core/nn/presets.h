// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Named teaching scenarios. Each fixes a whole TrainConfig (so a seed reproduces it) and the
 * twins to run side by side, which share initial weights and batch order and differ only in
 * head or format. Core holds no words: the window explains each preset in its translated
 * paragraph (ui/training/trainingtext.cpp), the CLI in its own line.
 */
#include "nn/outputhead.h"
#include "nn/trainconfig.h"
#include "precision/format.h"

#include <optional>
#include <string_view>
#include <vector>

namespace logitlab {

/** \brief One run of a preset: the head, the format and the mixed-precision options it uses. */
struct PresetTwin {
    Head head;
    Format format;
    MixedPrecision mixed {};
};

/** \brief A named, reproducible scenario (tests/core/nn/tst_presets.cpp asserts what each promises). */
struct Preset {
    std::string_view name; ///< command-line name, e.g. "course"
    TrainConfig config; ///< the first twin's configuration
    std::vector<PresetTwin> twins;
    /** For two-class presets on MNIST: the digit labelled 0 and the digit labelled 1 (else -1). */
    int negativeDigit = -1;
    int positiveDigit = -1;

    /** The configuration of twin \a i (config with that twin's head, format and mixed precision). */
    TrainConfig twinConfig(std::size_t i) const
    {
        TrainConfig c = config;
        c.head = twins[i].head;
        c.format = twins[i].format;
        c.mixed = twins[i].mixed;
        return c;
    }
};

/** All presets, in teaching order. */
const std::vector<Preset> &presets();

/** The preset called \a name, if any. */
std::optional<Preset> findPreset(std::string_view name);

} // namespace logitlab
