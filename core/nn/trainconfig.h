// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Everything that defines a training run. Two runs with the same seed, layer sizes, init and
 * batch size start from the same weights and see the same batches in the same order, whatever
 * their head, format or optimiser ("twins").
 */
#include "nn/activation.h"
#include "nn/mixedprecision.h"
#include "nn/network.h"
#include "nn/optimizer.h"
#include "nn/outputhead.h"
#include "precision/format.h"

#include <cstdint>
#include <vector>

namespace logitlab {

/** \brief What to do after a batch whose loss or gradient was NaN or infinite. */
enum class NonFinitePolicy {
    Continue, ///< count it and go on (the weights may become NaN: that is the lesson)
    Stop ///< count it and stop the run after that batch
};

/** \brief The complete description of a training run. */
struct TrainConfig {
    std::vector<int> hidden {25, 15}; ///< hidden layer widths (the course network)
    Activation activation = Activation::ReLU; ///< activation of every hidden layer
    Head head = Head::Logits; ///< output head and loss
    Optimizer optimizer = Sgd {0.1}; ///< optimiser and its hyperparameters
    double lrDecayRate = 1.0; ///< learning rate is multiplied by this ...
    int lrDecayEvery = 1; ///< ... every this many epochs (staircase)
    double l2 = 0.0; ///< L2 weight decay: adds l2 * w to each weight's gradient
    int batchSize = 32; ///< samples per step (the last batch may be smaller)
    int epochs = 10; ///< epochs for a complete run
    Init init = Init::Glorot; ///< weight initialisation
    double initScale = 1.0; ///< multiplies the initial weights (provokes large logits)
    std::uint64_t seed = 1; ///< seeds the weights and the batch order
    bool shuffle = true; ///< reshuffle the training set every epoch
    Format format = Format::Float32; ///< float16, bfloat16, float32 or float64
    MixedPrecision mixed; ///< accumulation, master weights, loss scaling, update rounding
    NonFinitePolicy onNonFinite = NonFinitePolicy::Continue;

    bool operator==(const TrainConfig &) const = default;
};

/** \brief Why a configuration cannot run on a data set (the front ends word these). */
enum class TrainConfigError {
    None,
    EmptyTrainingSet, ///< the training set has no samples
    FeatureCountMismatch, ///< train and test rows differ in width
    TooFewClasses, ///< fewer than two classes
    BinaryHeadNeedsTwoClasses, ///< a sigmoid head on a task with more than two classes
    BadLayerWidth, ///< a hidden width below 1 or above 65536
    BadBatchSize, ///< batch size below 1 or above 65536
    BadEpochs, ///< epochs below 0
    BadLearningRate, ///< learning rate not finite or not positive
    BadDecay, ///< decay rate not in (0, 1] or decay interval below 1
    BadL2, ///< L2 factor negative or not finite
    BadInitScale, ///< init scale not finite or not positive
    BadOptimizerParameter, ///< momentum/beta outside [0, 1) or epsilon not positive
    UnsupportedFormat, ///< only float16, bfloat16, float32 and float64 train
    MasterWeightsNeedSixteenBit, ///< a float32 master copy only makes sense for float16 or bfloat16
    StochasticNeedsNarrowFormat, ///< stochastic rounding into float64 (from double) rounds nothing
    BadLossScale, ///< a loss-scale option outside MixedPrecisionLimits
    NetworkTooLarge ///< more than maxParameters weights or maxActivations activation values per batch
};

/** The most weights and biases a network may have (128 MiB in float32; the optimiser and history add more). */
inline constexpr long long maxParameters = 1LL << 25;
/**
 * The most activation values one batch may hold over all layers (batch rows x the sum of the
 * layer widths; 256 MiB in float32, twice that with the backward pass's deltas).
 */
inline constexpr long long maxActivations = 1LL << 26;

/** Weights and biases of \a c's network on \a features inputs and \a classes classes. */
inline long long parameterCount(const TrainConfig &c, long long features, int classes)
{
    long long count = 0, in = features;
    for (long long out : c.hidden) {
        count += (in + 1) * out;
        in = out;
    }
    return count + (in + 1) * headOutputs(c.head, classes);
}

/** Checks \a c against a training set of \a classes classes and \a trainSize samples. */
inline TrainConfigError validateConfig(
    const TrainConfig &c, int classes, long long trainSize, long long trainFeatures, long long testFeatures)
{
    if (c.format == Format::Float80)
        return TrainConfigError::UnsupportedFormat;
    const bool sixteenBit = c.format == Format::Float16 || c.format == Format::BFloat16;
    if (c.mixed.masterWeights && !sixteenBit)
        return TrainConfigError::MasterWeightsNeedSixteenBit;
    if (c.mixed.updateRounding == UpdateRounding::Stochastic && c.format == Format::Float64)
        return TrainConfigError::StochasticNeedsNarrowFormat;
    if (!validMixedPrecision(c.mixed))
        return TrainConfigError::BadLossScale;
    if (trainSize < 1)
        return TrainConfigError::EmptyTrainingSet;
    if (trainFeatures != testFeatures)
        return TrainConfigError::FeatureCountMismatch;
    if (classes < 2)
        return TrainConfigError::TooFewClasses;
    if (isBinaryHead(c.head) && classes != 2)
        return TrainConfigError::BinaryHeadNeedsTwoClasses;
    for (int w : c.hidden)
        if (w < 1 || w > 65536)
            return TrainConfigError::BadLayerWidth;
    if (c.batchSize < 1 || c.batchSize > 65536)
        return TrainConfigError::BadBatchSize;
    // Checked before anything is allocated (65536,65536 hidden units would ask for 16 GiB at once).
    long long widths = headOutputs(c.head, classes);
    for (int w : c.hidden)
        widths += w;
    if (parameterCount(c, trainFeatures, classes) > maxParameters
        || std::max<long long>(c.batchSize, 256) * widths > maxActivations)
        return TrainConfigError::NetworkTooLarge;
    if (c.epochs < 0)
        return TrainConfigError::BadEpochs;
    const double lr = learningRate(c.optimizer);
    if (!(lr > 0.0) || !std::isfinite(lr))
        return TrainConfigError::BadLearningRate;
    if (!(c.lrDecayRate > 0.0 && c.lrDecayRate <= 1.0) || c.lrDecayEvery < 1)
        return TrainConfigError::BadDecay;
    if (!(c.l2 >= 0.0) || !std::isfinite(c.l2))
        return TrainConfigError::BadL2;
    if (!(c.initScale > 0.0) || !std::isfinite(c.initScale))
        return TrainConfigError::BadInitScale;
    if (const auto *m = std::get_if<Momentum>(&c.optimizer); m && !(m->momentum >= 0.0 && m->momentum < 1.0))
        return TrainConfigError::BadOptimizerParameter;
    if (const auto *a = std::get_if<Adam>(&c.optimizer);
        a && !(a->beta1 >= 0.0 && a->beta1 < 1.0 && a->beta2 >= 0.0 && a->beta2 < 1.0 && a->epsilon > 0.0))
        return TrainConfigError::BadOptimizerParameter;
    return TrainConfigError::None;
}

} // namespace logitlab
