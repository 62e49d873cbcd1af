#pragma once
/** \file
 * Named teaching scenarios. Each fixes a whole TrainConfig (so a seed reproduces it) and the
 * twins to run side by side, which share initial weights and batch order and differ only in
 * head or format. The explanation paragraphs are data a teacher reads out; the front ends show
 * them through their own translation tables (the UI wraps them in tr() by preset name), core
 * holds only the English source text.
 */
#include "nn/outputhead.h"
#include "nn/trainconfig.h"
#include "precision/format.h"

#include <optional>
#include <string_view>
#include <vector>

namespace logitlab {

/** \brief One run of a preset: the head and the format it uses. */
struct PresetTwin {
    Head head;
    Format format;
};

/** \brief A named, reproducible scenario with its promised behaviour described in words. */
struct Preset {
    std::string_view name; ///< command-line name, e.g. "course"
    std::string_view title; ///< one line
    std::string_view explanation; ///< one paragraph for the teacher (English source text)
    TrainConfig config; ///< the first twin's configuration
    std::vector<PresetTwin> twins;
    /** For two-class presets on MNIST: the digit labelled 0 and the digit labelled 1 (else -1). */
    int negativeDigit = -1;
    int positiveDigit = -1;

    /** The configuration of twin \a i (config with that twin's head and format). */
    TrainConfig twinConfig(std::size_t i) const
    {
        TrainConfig c = config;
        c.head = twins[i].head;
        c.format = twins[i].format;
        return c;
    }
};

/** All presets, in teaching order. */
const std::vector<Preset> &presets();

/** The preset called \a name, if any. */
std::optional<Preset> findPreset(std::string_view name);

} // namespace logitlab
