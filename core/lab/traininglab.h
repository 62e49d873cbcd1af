// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Training lab's value: everything that defines a (twin) training session — the data, run
 * A's configuration and twin B's differences. The window's form, its settings, the command line
 * (`train`, `train --twin`) and lesson files all read and write this one value; its defaults
 * are the course's (TrainConfig{} and the "course" preset) and are stated nowhere else.
 */
#include "data/synthetic.h"
#include "nn/presets.h"
#include "nn/trainconfig.h"

#include <cstdint>
#include <string>

namespace logitlab {

/** \brief Where the training data comes from. */
enum class DataSource {
    Mnist, ///< the MNIST-10k digits embedded in the application (8,000 train / 2,000 test)
    IdxDirectory, ///< the four IDX files of a directory, raw or gzipped
    Synthetic ///< a generated 2-D set (seeded by run A's seed)
};

/** \brief Which data a session trains on, and optionally the two-class task cut from it. */
struct DataSpec {
    DataSource source = DataSource::Mnist;
    std::string idxPath; ///< IdxDirectory: the directory
    SyntheticKind synthetic = SyntheticKind::Spiral; ///< Synthetic: which set
    double noise = SyntheticSpec {}.noise; ///< Synthetic: coordinate noise
    int binaryNegative = -1; ///< two-class task: this class becomes 0 (-1: every other class, "vs rest")
    int binaryPositive = -1; ///< this class becomes 1 (-1: no two-class task, all classes)

    bool operator==(const DataSpec &) const = default;
};

/**
 * \brief Twin B's differences from run A. Everything else (layers, activation, init, seed, batch
 * size, shuffling, decay schedule, epochs) is A's, so both start from the same weights and see
 * the same batches in the same order.
 */
struct TwinDifferences {
    Head head = Head::Logits;
    Format format = Format::Float32;
    Optimizer optimizer = TrainConfig {}.optimizer;
    double l2 = 0.0;
    MixedPrecision mixed; ///< B's mixed-precision options (so A and B can differ only in those)

    bool operator==(const TwinDifferences &) const = default;
};

/** \brief The ranges the Training form offers; lesson files are held to the same. */
struct TrainingLimits {
    static constexpr double minNoise = 0, maxNoise = 10;
    static constexpr int maxDigit = 9; ///< the two-class task's digits (MNIST)
    static constexpr double minInitScale = 0.001, maxInitScale = 1000;
    static constexpr double minDecayRate = 0.001; ///< up to 1 (no decay)
    static constexpr int maxDecayEvery = 1000;
    static constexpr double minLearningRate = 1e-6, maxLearningRate = 100;
    static constexpr double maxL2 = 10;
    static constexpr std::uint64_t maxSeed = 1000000000;
    static constexpr int maxBatchSize = 65536;
    static constexpr int maxLayerWidth = 65536;
    static constexpr int maxEpochs = 100000;
};

/** \brief The whole Training lab. */
struct TrainingLab {
    DataSpec data;
    TrainConfig a {TrainConfig {}}; ///< run A (the course's softmax output layer by default)
    bool twin = true; ///< train twin B alongside A
    TwinDifferences b; ///< twin B (the course's from_logits by default)

    TrainingLab() { a.head = Head::Softmax; }
    bool operator==(const TrainingLab &) const = default;
};

/** B's differences as they stand in a full configuration \a b. */
inline TwinDifferences differencesOf(const TrainConfig &b)
{
    return {b.head, b.format, b.optimizer, b.l2, b.mixed};
}

/** Twin B's configuration: run \a a with B's differences \a d. */
inline TrainConfig twinConfig(const TrainConfig &a, const TwinDifferences &d)
{
    TrainConfig b = a;
    b.head = d.head;
    b.format = d.format;
    b.mixed = d.mixed;
    b.optimizer = d.optimizer;
    b.l2 = d.l2;
    return b;
}

/** The lab a preset describes: MNIST (cut to its two digits, if any), its first run as A, its second as B. */
inline TrainingLab presetLab(const Preset &p)
{
    TrainingLab lab;
    lab.data.binaryNegative = p.negativeDigit;
    lab.data.binaryPositive = p.positiveDigit;
    lab.a = p.twinConfig(0);
    lab.twin = p.twins.size() > 1;
    if (lab.twin)
        lab.b = differencesOf(p.twinConfig(1));
    return lab;
}

} // namespace logitlab
