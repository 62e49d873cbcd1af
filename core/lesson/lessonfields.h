// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The fields of a lesson file, stated once: each function below lists a value's fields with
 * their JSON names and allowed ranges, and is run both by the reader (which checks and reads
 * each field present) and by the writer (which writes them all). Private to lessonfile.cpp.
 */
#include "lesson/lesson.h"
#include "nn/activation.h"
#include "nn/network.h"
#include "nn/optimizer.h"
#include "nn/outputhead.h"
#include "text/nametable.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace logitlab {

/** \brief Which ends of a field's range are allowed values. */
enum class Ends { Closed, LowOpen, HighOpen };

/** \brief The names a field may take, and each value's name in files. */
template <class E> struct NameList {
    std::vector<std::pair<E, std::string_view>> entries;

    template <std::size_t N> NameList(const NameTable<E, N> &table) : entries(table.begin(), table.end()) { }
    NameList(std::initializer_list<std::pair<E, std::string_view>> list) : entries(list) { }

    std::string_view name(E value) const
    {
        for (const auto &[v, n] : entries)
            if (v == value)
                return n;
        return {};
    }
};

inline const NameList<Format> formatNameList {{Format::Float16, "float16"}, {Format::BFloat16, "bfloat16"},
    {Format::Float32, "float32"}, {Format::Float64, "float64"}, {Format::Float80, "float80"}};
/// Training runs in these four (validateConfig).
inline const NameList<Format> trainingFormatNameList {{Format::Float16, "float16"}, {Format::BFloat16, "bfloat16"},
    {Format::Float32, "float32"}, {Format::Float64, "float64"}};
inline const NameList<Accumulation> accumulationNameList {accumulationNames};
inline const NameList<UpdateRounding> updateRoundingNameList {updateRoundingNames};
inline const NameList<LossScaleKind> lossScaleKindNameList {lossScaleKindNames};
inline const NameList<SoftmaxMethod> softmaxMethodNameList {{SoftmaxMethod::Naive, "naive"},
    {SoftmaxMethod::Shifted, "shifted"}, {SoftmaxMethod::LogSoftmax, "log_softmax"}, {SoftmaxMethod::Higham, "higham"},
    {SoftmaxMethod::Online, "online"}};
inline const NameList<LessonPage> lessonPageNames {{LessonPage::Softmax, "softmax"}, {LessonPage::Losses, "losses"},
    {LessonPage::Rounding, "rounding"}, {LessonPage::Training, "training"}};
inline const NameList<HiddenPart> hiddenPartNames {{HiddenPart::Results, "results"}, {HiddenPart::Plots, "plots"}};
inline const NameList<DataSource> dataSourceNames {
    {DataSource::Mnist, "mnist"}, {DataSource::IdxDirectory, "idx"}, {DataSource::Synthetic, "synthetic"}};
inline const NameList<NonFinitePolicy> nonFiniteNames {
    {NonFinitePolicy::Continue, "continue"}, {NonFinitePolicy::Stop, "stop"}};
inline const NameList<OptimizerKind> optimizerNameList {optimizerNames};
inline const NameList<Activation> activationNameList {activationNames};
inline const NameList<Init> initNameList {initNames};
inline const NameList<Head> headNameList {headNames};
inline const NameList<SyntheticKind> syntheticNameList {syntheticNames};

template <class V> void optimizerFields(V &v, Sgd &o)
{
    v.real("learning_rate", o.learningRate, TrainingLimits::minLearningRate, TrainingLimits::maxLearningRate);
}

template <class V> void optimizerFields(V &v, Momentum &o)
{
    v.real("learning_rate", o.learningRate, TrainingLimits::minLearningRate, TrainingLimits::maxLearningRate);
    v.real("momentum", o.momentum, 0, 1, Ends::HighOpen);
}

template <class V> void optimizerFields(V &v, Adam &o)
{
    v.real("learning_rate", o.learningRate, TrainingLimits::minLearningRate, TrainingLimits::maxLearningRate);
    v.real("beta1", o.beta1, 0, 1, Ends::HighOpen);
    v.real("beta2", o.beta2, 0, 1, Ends::HighOpen);
    v.real("epsilon", o.epsilon, 0, 1, Ends::LowOpen);
}

template <class V> void softmaxFields(V &v, SoftmaxLab &l)
{
    v.text("logits", l.logits);
    v.text("matrix", l.matrix);
    v.boolean("matrix_mode", l.matrixMode);
    v.whole("dim", l.dim, 0, 1);
    v.whole("slice", l.slice, 0, 1000000);
    v.named("matrix_method", l.matrixMethod, softmaxMethodNameList);
    // A file may hold the slider's old range (SoftmaxLab::fileMinScaleStep..fileMaxScaleStep):
    // read, then clamped to the temperature slider's ends (the writer writes the step it is given).
    v.whole("scale_step", l.scaleStep, SoftmaxLab::fileMinScaleStep, SoftmaxLab::fileMaxScaleStep);
    l.scaleStep = std::clamp(l.scaleStep, SoftmaxLab::minScaleStep, SoftmaxLab::maxScaleStep);
    v.named("format", l.format, formatNameList);
}

template <class V> void lossFields(V &v, LossLab &l)
{
    v.text("logits", l.logits);
    v.whole("label", l.label, 0, LossLab::maxLabel);
    v.object("bce", [&](V &b) {
        const double big = std::numeric_limits<double>::max();
        b.real("from", l.bce.from, -big, big);
        b.real("to", l.bce.to, -big, big);
        b.whole("points", l.bce.points, BceSweepInput::minPoints, BceSweepInput::maxPoints);
        b.text("label", l.bce.label);
    });
    v.named("format", l.format, formatNameList);
}

template <class V> void roundingFields(V &v, RoundingLab &l)
{
    v.textList("expressions", l.expressions, LessonLimits::maxExpressions);
    v.named("format", l.format, formatNameList);
    v.namedList("formats", l.formats, formatNameList, allFormats.size());
    v.whole("cancellation_points", l.cancellation.points, CancellationSweepInput::minPoints,
        CancellationSweepInput::maxPoints);
}

template <class V> void trainConfigFields(V &v, TrainConfig &c)
{
    v.wholeList("hidden", c.hidden, 1, TrainingLimits::maxLayerWidth, LessonLimits::maxHiddenLayers);
    v.named("activation", c.activation, activationNameList);
    v.named("head", c.head, headNameList);
    v.optimizer("optimizer", c.optimizer);
    v.real("lr_decay_rate", c.lrDecayRate, TrainingLimits::minDecayRate, 1);
    v.whole("lr_decay_every", c.lrDecayEvery, 1, TrainingLimits::maxDecayEvery);
    v.real("l2", c.l2, 0, TrainingLimits::maxL2);
    v.whole("batch_size", c.batchSize, 1, TrainingLimits::maxBatchSize);
    v.whole("epochs", c.epochs, 0, TrainingLimits::maxEpochs);
    v.named("init", c.init, initNameList);
    v.real("init_scale", c.initScale, TrainingLimits::minInitScale, TrainingLimits::maxInitScale);
    v.whole("seed", c.seed, 0, TrainingLimits::maxSeed);
    v.boolean("shuffle", c.shuffle);
    v.named("format", c.format, trainingFormatNameList);
    v.object("mixed", [&](V &m) { mixedFields(m, c.mixed); });
    v.named("on_non_finite", c.onNonFinite, nonFiniteNames);
}

/** A run's mixed-precision options (MixedPrecisionLimits). */
template <class V> void mixedFields(V &v, MixedPrecision &m)
{
    using L = MixedPrecisionLimits;
    v.named("accumulate", m.accumulate, accumulationNameList);
    v.boolean("master_weights", m.masterWeights);
    v.object("loss_scale", [&](V &s) {
        s.named("kind", m.lossScale.kind, lossScaleKindNameList);
        s.real("scale", m.lossScale.scale, L::minScale, L::maxScale);
        s.real("growth_factor", m.lossScale.growthFactor, L::minGrowthFactor, L::maxGrowthFactor);
        s.whole("growth_interval", m.lossScale.growthInterval, 1, L::maxGrowthInterval);
        s.real("backoff_factor", m.lossScale.backoffFactor, L::minBackoffFactor, 1, Ends::HighOpen);
    });
    v.named("update_rounding", m.updateRounding, updateRoundingNameList);
}

template <class V> void trainingFields(V &v, TrainingLab &l)
{
    v.object("data", [&](V &d) {
        d.named("source", l.data.source, dataSourceNames);
        d.text("idx_path", l.data.idxPath);
        d.named("synthetic", l.data.synthetic, syntheticNameList);
        d.real("noise", l.data.noise, TrainingLimits::minNoise, TrainingLimits::maxNoise);
        d.whole("binary_negative", l.data.binaryNegative, -1, TrainingLimits::maxDigit);
        d.whole("binary_positive", l.data.binaryPositive, -1, TrainingLimits::maxDigit);
    });
    v.object("a", [&](V &a) { trainConfigFields(a, l.a); });
    v.boolean("twin", l.twin);
    v.object("b", [&](V &b) {
        b.named("head", l.b.head, headNameList);
        b.named("format", l.b.format, trainingFormatNameList);
        b.object("mixed", [&](V &m) { mixedFields(m, l.b.mixed); });
        b.optimizer("optimizer", l.b.optimizer);
        b.real("l2", l.b.l2, 0, TrainingLimits::maxL2);
    });
}

template <class V> void sceneFields(V &v, Scene &s)
{
    v.text("title", s.title);
    v.text("note", s.note);
    v.text("question", s.question);
    v.namedList("hide", s.hidden, hiddenPartNames, 2);
    v.named("page", s.page, lessonPageNames);
    v.object("softmax", [&](V &o) { softmaxFields(o, s.softmax); });
    v.object("losses", [&](V &o) { lossFields(o, s.losses); });
    v.object("rounding", [&](V &o) { roundingFields(o, s.rounding); });
    v.object("training", [&](V &o) {
        trainingFields(o, s.training);
        o.whole("trained_steps", s.trainedSteps, 0, LessonLimits::maxTrainedSteps);
    });
}

template <class V> void lessonFields(V &v, Lesson &l)
{
    v.text("title", l.title);
    v.text("language", l.language);
}

} // namespace logitlab
