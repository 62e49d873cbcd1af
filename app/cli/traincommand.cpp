// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file `logitlab-cli train`: trains the MLP of core/nn on MNIST-10k (embedded), an IDX
 * directory or a synthetic 2-D set — one run, or run A and twin B in lockstep (`--twin`) — through
 * the same TwinSession as the window, and prints per-epoch records as a table or one JSON object.
 */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "nn/presets.h"
#include "text/numbertext.h"
#include "training/datatext.h"
#include "training/twinsession.h"

#include <QFileInfo>
#include <QStringList>

#include <cmath>
#include <cstdio>
#include <span>

namespace logitlab::cli {
namespace {

using ui::dataErrorText;
using ui::resourceBytes;
using ui::taskText;

const QString builtinMnist = QStringLiteral("mnist-10k");

QString configErrorText(TrainConfigError e)
{
    switch (e) {
    case TrainConfigError::None: break;
    case TrainConfigError::EmptyTrainingSet: return QStringLiteral("the training set is empty");
    case TrainConfigError::FeatureCountMismatch: return QStringLiteral("training and test samples differ in size");
    case TrainConfigError::TooFewClasses: return QStringLiteral("the task has fewer than two classes");
    case TrainConfigError::BinaryHeadNeedsTwoClasses:
        return QStringLiteral("--head %1 needs a two-class task: use --binary D (one digit against the rest), "
                              "--binary A,B (two digits), or --dataset xor|circles");
    case TrainConfigError::BadLayerWidth: return QStringLiteral("--layers: widths must be in [1, 65536]");
    case TrainConfigError::BadBatchSize: return QStringLiteral("--batch must be in [1, 65536]");
    case TrainConfigError::BadEpochs: return QStringLiteral("--epochs must be at least 0");
    case TrainConfigError::BadLearningRate: return QStringLiteral("--lr must be a positive finite number");
    case TrainConfigError::BadDecay:
        return QStringLiteral("--lr-decay must be in (0, 1] and --lr-decay-every at least 1");
    case TrainConfigError::BadL2: return QStringLiteral("--l2 must be a finite number >= 0");
    case TrainConfigError::BadInitScale: return QStringLiteral("--init-scale must be a positive finite number");
    case TrainConfigError::BadOptimizerParameter: return QStringLiteral("an optimiser parameter is out of range");
    case TrainConfigError::UnsupportedFormat:
        return QStringLiteral("--dtype: training runs in float16, bfloat16, float32 or float64");
    case TrainConfigError::MasterWeightsNeedSixteenBit:
        return QStringLiteral("--master-weights float32 needs --dtype float16 or bfloat16 (a float32 or float64 run "
                              "is its own master copy)");
    case TrainConfigError::StochasticNeedsNarrowFormat:
        return QStringLiteral("--update-rounding stochastic needs a format narrower than float64 (the update is "
                              "computed in float64, so there is nothing to round stochastically)");
    case TrainConfigError::BadLossScale:
        return QStringLiteral("--loss-scale must be in [2^-24, 2^64], --scale-growth-factor in [1, 1024], "
                              "--scale-backoff in [2^-10, 1) and --scale-growth-interval in [1, 1000000]");
    case TrainConfigError::NetworkTooLarge:
        return QStringLiteral("--layers/--batch: the network is too large; at most %1 weights and %2 activation "
                              "values per batch (max(batch, 256) times the sum of the layer widths)")
            .arg(maxParameters)
            .arg(maxActivations);
    }
    return {};
}

/**
 * The single value of option \a name, or empty if not given; throws if given twice or given
 * empty (`--lr ""` must not silently train with the default).
 */
QString singleValue(const QCommandLineParser &p, const QString &name)
{
    const QStringList values = p.values(name);
    if (values.size() > 1)
        throw UsageError(QStringLiteral("--%1 given %2 times; give it once").arg(name).arg(values.size()));
    if (!values.isEmpty() && values.first().trimmed().isEmpty())
        throw UsageError(QStringLiteral("--%1 is empty: give a value").arg(name));
    return values.isEmpty() ? QString() : values.first();
}

double parseReal(const QString &text, const QString &name)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        throw UsageError(QStringLiteral("--%1: '%2' is not a finite number").arg(name, text));
    return v;
}

template <class T, class Parse>
T parseName(const QString &text, const QString &option, Parse parse, const QString &choices)
{
    if (auto v = parse(text.trimmed().toStdString()))
        return *v;
    throw UsageError(QStringLiteral("unknown --%1 '%2' (expected %3)").arg(option, text, choices));
}

/** The command line's one-line account of a preset (the window has its own, translated paragraphs). */
std::string presetLine(std::string_view name)
{
    if (name == "course")
        return "the course network; softmax output and from_logits train alike (about 93%)";
    if (name == "large-logits")
        return "tanh, init x8: the Keras-clipped head saturates at 16.118 with zero gradients, from_logits learns";
    if (name == "float-vs-double")
        return "the same run in float32 and float64: the weights drift apart, the curves do not";
    if (name == "binary-sigmoid")
        return "4 vs 9, init x16: the sigmoid head's loss is inf and its gradient NaN at once, from_logits learns";
    if (name == "float16-adam")
        return "Adam in float16: v = g^2 underflows, steps explode, the loss turns NaN (accuracy 10%); float32 "
               "master weights with dynamic loss scaling train to about 91%";
    if (name == "bfloat16-lost-updates")
        return "SGD lr 0.003 in bfloat16: most updates round away and it stalls near 25%; stochastic rounding "
               "learns like float32 (about 67% after 5 epochs)";
    return {};
}

/** Parses --binary: "D" (one against the rest) or "A,B" (A labelled 0, B labelled 1). */
std::pair<int, int> parseBinary(const QString &text, int classes)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() > 2)
        throw UsageError(QStringLiteral("--binary: give one class (D) or two (A,B), not '%1'").arg(text));
    std::vector<int> v;
    for (const QString &part : parts)
        v.push_back(int(parseInteger(part, 0, classes - 1, QStringLiteral("binary"))));
    if (v.size() == 2 && v[0] == v[1])
        throw UsageError(QStringLiteral("--binary: the two classes must differ"));
    return v.size() == 1 ? std::pair {-1, v[0]} : std::pair {v[0], v[1]};
}

/** The data options: --dataset, --noise, --binary (or the preset's two digits on MNIST). */
DataSpec dataSpec(const QCommandLineParser &p, const std::optional<Preset> &preset, QString *name)
{
    DataSpec d;
    *name = singleValue(p, QStringLiteral("dataset"));
    if (name->isEmpty())
        *name = builtinMnist;
    const QString noiseText = singleValue(p, QStringLiteral("noise"));
    int classes = 10;
    if (const auto kind = parseSynthetic(name->toStdString())) {
        d.source = DataSource::Synthetic;
        d.synthetic = *kind;
        classes = syntheticClasses(*kind);
        if (!noiseText.isEmpty()) {
            d.noise = parseReal(noiseText, QStringLiteral("noise"));
            if (d.noise < 0 || d.noise > 10)
                throw UsageError(QStringLiteral("--noise must be in [0, 10]"));
        }
    } else {
        if (!noiseText.isEmpty())
            throw UsageError(QStringLiteral("--noise applies to the synthetic sets only"));
        if (*name != builtinMnist) {
            if (!QFileInfo(*name).isDir())
                throw UsageError(QStringLiteral("--dataset: '%1' is neither mnist-10k, spiral, xor, circles, blobs "
                                                "nor a directory of IDX files")
                                     .arg(*name));
            d.source = DataSource::IdxDirectory;
            d.idxPath = name->toStdString();
        }
    }
    const QString binary = singleValue(p, QStringLiteral("binary"));
    if (!binary.isEmpty()) {
        std::tie(d.binaryNegative, d.binaryPositive) = parseBinary(binary, classes);
    } else if (preset && preset->positiveDigit >= 0 && d.source == DataSource::Mnist) {
        d.binaryNegative = preset->negativeDigit;
        d.binaryPositive = preset->positiveDigit;
    }
    return d;
}

/**
 * --PREFIXoptimizer and --PREFIXlr applied to \a current: a new kind without a rate takes that
 * kind's default rate (Adam's 0.001; SGD and momentum the course's 0.1), not the old kind's.
 */
Optimizer optimizerOptions(const QCommandLineParser &p, const QString &prefix, const Optimizer &current)
{
    OptimizerKind kind = optimizerKind(current);
    double lr = learningRate(current);
    const QString kindText = singleValue(p, prefix + QStringLiteral("optimizer"));
    if (!kindText.isEmpty())
        kind = parseName<OptimizerKind>(
            kindText, prefix + QStringLiteral("optimizer"), parseOptimizer, QStringLiteral("sgd, momentum or adam"));
    const QString lrText = singleValue(p, prefix + QStringLiteral("lr"));
    if (!lrText.isEmpty())
        lr = parseReal(lrText, prefix + QStringLiteral("lr"));
    else if (!kindText.isEmpty() && kind != optimizerKind(current))
        lr = kind == OptimizerKind::Adam ? Adam {}.learningRate : learningRate(TrainConfig {}.optimizer);
    return kindText.isEmpty() && lrText.isEmpty() ? current : makeOptimizer(kind, lr);
}

/**
 * The mixed-precision options with prefix \a prefix ("" for run A, "b-" for twin B) applied to
 * \a current: --accumulate, --master-weights, --loss-scale (none, dynamic or a factor),
 * --scale-growth-factor, --scale-growth-interval, --scale-backoff, --update-rounding.
 */
MixedPrecision mixedOptions(const QCommandLineParser &p, const QString &prefix, MixedPrecision m)
{
    const auto name = [&](const char *o) { return prefix + QLatin1String(o); };
    QString v;
    if (!(v = singleValue(p, name("accumulate"))).isEmpty())
        m.accumulate
            = parseName<Accumulation>(v, name("accumulate"), parseAccumulation, QStringLiteral("float32 or format"));
    if (!(v = singleValue(p, name("master-weights"))).isEmpty()) {
        if (v == QLatin1String("float32"))
            m.masterWeights = true;
        else if (v == QLatin1String("none"))
            m.masterWeights = false;
        else
            throw UsageError(
                QStringLiteral("unknown --%1 '%2' (expected float32 or none)").arg(name("master-weights"), v));
    }
    if (!(v = singleValue(p, name("loss-scale"))).isEmpty()) {
        if (v == QLatin1String("none")) {
            m.lossScale.kind = LossScaleKind::None;
        } else if (v == QLatin1String("dynamic")) {
            m.lossScale.kind = LossScaleKind::Dynamic;
        } else {
            bool ok = false;
            const double f = v.trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(f))
                throw UsageError(
                    QStringLiteral("--%1: '%2' is not none, dynamic or a finite factor").arg(name("loss-scale"), v));
            m.lossScale.kind = LossScaleKind::Static;
            m.lossScale.scale = f;
        }
    }
    const bool dynamic = m.lossScale.kind == LossScaleKind::Dynamic;
    for (const char *o : {"scale-growth-factor", "scale-growth-interval", "scale-backoff", "scale-init"})
        if (p.isSet(name(o)) && !dynamic)
            throw UsageError(
                QStringLiteral("--%1 sets dynamic loss scaling: add --%2 dynamic").arg(name(o), name("loss-scale")));
    if (!(v = singleValue(p, name("scale-init"))).isEmpty())
        m.lossScale.scale = parseReal(v, name("scale-init"));
    if (!(v = singleValue(p, name("scale-growth-factor"))).isEmpty())
        m.lossScale.growthFactor = parseReal(v, name("scale-growth-factor"));
    if (!(v = singleValue(p, name("scale-growth-interval"))).isEmpty())
        m.lossScale.growthInterval
            = int(parseInteger(v, 1, MixedPrecisionLimits::maxGrowthInterval, name("scale-growth-interval")));
    if (!(v = singleValue(p, name("scale-backoff"))).isEmpty())
        m.lossScale.backoffFactor = parseReal(v, name("scale-backoff"));
    if (!(v = singleValue(p, name("update-rounding"))).isEmpty())
        m.updateRounding = parseName<UpdateRounding>(
            v, name("update-rounding"), parseUpdateRounding, QStringLiteral("nearest or stochastic"));
    return m;
}

TrainConfig parseConfig(const QCommandLineParser &p, const std::optional<Preset> &preset)
{
    TrainConfig c = preset ? preset->config : TrainConfig {};
    QString v;
    if (!(v = singleValue(p, QStringLiteral("layers"))).isEmpty()) {
        c.hidden.clear();
        if (v.trimmed() != QLatin1String("none"))
            for (const QString &part : v.split(QLatin1Char(',')))
                c.hidden.push_back(int(parseInteger(part, 1, 65536, QStringLiteral("layers"))));
    }
    if (!(v = singleValue(p, QStringLiteral("activation"))).isEmpty())
        c.activation = parseName<Activation>(v, QStringLiteral("activation"), parseActivation,
            QStringLiteral("relu, leaky-relu, sigmoid, tanh or linear"));
    if (!(v = singleValue(p, QStringLiteral("head"))).isEmpty())
        c.head = parseName<Head>(v, QStringLiteral("head"), parseHead,
            QStringLiteral("softmax, softmax-clipped, logits, sigmoid, sigmoid-clipped or "
                           "sigmoid-logits"));
    c.optimizer = optimizerOptions(p, QString(), c.optimizer);
    if (!(v = singleValue(p, QStringLiteral("lr-decay"))).isEmpty())
        c.lrDecayRate = parseReal(v, QStringLiteral("lr-decay"));
    if (!(v = singleValue(p, QStringLiteral("lr-decay-every"))).isEmpty())
        c.lrDecayEvery = int(parseInteger(v, 1, 1000000, QStringLiteral("lr-decay-every")));
    if (!(v = singleValue(p, QStringLiteral("l2"))).isEmpty())
        c.l2 = parseReal(v, QStringLiteral("l2"));
    if (!(v = singleValue(p, QStringLiteral("batch"))).isEmpty())
        c.batchSize = int(parseInteger(v, 1, 65536, QStringLiteral("batch")));
    if (!(v = singleValue(p, QStringLiteral("epochs"))).isEmpty())
        c.epochs = int(parseInteger(v, 0, 100000, QStringLiteral("epochs")));
    if (!(v = singleValue(p, QStringLiteral("dtype"))).isEmpty()) {
        c.format = dtypeOption(p);
        if (c.format == Format::Float80)
            throw UsageError(configErrorText(TrainConfigError::UnsupportedFormat));
    }
    c.mixed = mixedOptions(p, QString(), c.mixed);
    if (!(v = singleValue(p, QStringLiteral("init"))).isEmpty())
        c.init = parseName<Init>(v, QStringLiteral("init"), parseInit, QStringLiteral("glorot or he"));
    if (!(v = singleValue(p, QStringLiteral("init-scale"))).isEmpty())
        c.initScale = parseReal(v, QStringLiteral("init-scale"));
    if (!(v = singleValue(p, QStringLiteral("seed"))).isEmpty())
        c.seed = std::uint64_t(parseInteger(v, 0, std::numeric_limits<long long>::max(), QStringLiteral("seed")));
    if (!(v = singleValue(p, QStringLiteral("on-nan"))).isEmpty()) {
        if (v == QLatin1String("continue"))
            c.onNonFinite = NonFinitePolicy::Continue;
        else if (v == QLatin1String("stop"))
            c.onNonFinite = NonFinitePolicy::Stop;
        else
            throw UsageError(QStringLiteral("unknown --on-nan '%1' (expected continue or stop)").arg(v));
    }
    return c;
}

std::string number(double v)
{
    return std::isfinite(v) ? shortestText(v, Format::Float64) : (std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf"));
}

std::string fixed(double v, int digits)
{
    if (!std::isfinite(v))
        return number(v);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string layerText(const TrainConfig &c, const Dataset &train)
{
    std::string s = std::to_string(train.featureCount());
    for (int w : c.hidden)
        s += "-" + std::to_string(w);
    return s + "-" + std::to_string(headOutputs(c.head, train.classes));
}

/**
 * Twin B's differences: A's own (head, format, optimiser, L2 as given for A), then the preset's
 * second run's head and format (if any), then --b-head, --b-dtype, --b-optimizer, --b-lr, --b-l2.
 */
TwinDifferences parseTwin(const QCommandLineParser &p, const std::optional<Preset> &preset, const TrainConfig &a)
{
    const char *options[]
        = {"b-head", "b-dtype", "b-optimizer", "b-lr", "b-l2", "b-accumulate", "b-master-weights", "b-loss-scale",
            "b-scale-init", "b-scale-growth-factor", "b-scale-growth-interval", "b-scale-backoff", "b-update-rounding"};
    if (!p.isSet(QStringLiteral("twin"))) {
        for (const char *o : options)
            if (p.isSet(QString::fromLatin1(o)))
                throw UsageError(QStringLiteral("--%1 describes twin B: add --twin").arg(QLatin1String(o)));
        return {};
    }
    TwinDifferences b = differencesOf(a); // B differs from A only where asked
    if (preset && preset->twins.size() > 1) {
        b.head = preset->twins[1].head;
        b.format = preset->twins[1].format;
        b.mixed = preset->twins[1].mixed;
    }
    QString v;
    if (!(v = singleValue(p, QStringLiteral("b-head"))).isEmpty())
        b.head = parseName<Head>(v, QStringLiteral("b-head"), parseHead,
            QStringLiteral("softmax, softmax-clipped, logits, sigmoid, sigmoid-clipped or sigmoid-logits"));
    if (!(v = singleValue(p, QStringLiteral("b-dtype"))).isEmpty()) {
        b.format = parseName<Format>(
            v, QStringLiteral("b-dtype"), parseFormat, QStringLiteral("float16, bfloat16, float32 or float64"));
        if (b.format == Format::Float80)
            throw UsageError(QStringLiteral("--b-dtype: training runs in float16, bfloat16, float32 or float64"));
    }
    b.mixed = mixedOptions(p, QStringLiteral("b-"), b.mixed);
    b.optimizer = optimizerOptions(p, QStringLiteral("b-"), b.optimizer);
    if (!(v = singleValue(p, QStringLiteral("b-l2"))).isEmpty())
        b.l2 = parseReal(v, QStringLiteral("b-l2"));
    return b;
}

void writeConfig(JsonWriter &w, const TrainConfig &c, const QString &dataset, const SessionData &d)
{
    w.key("config").beginObject();
    w.key("dataset").string(dataset.toStdString());
    if (const QString task = taskText(d); !task.isEmpty())
        w.key("task").string(task.toStdString());
    w.key("train_size").integer(d.split.train.size());
    w.key("test_size").integer(d.split.test.size());
    w.key("classes").integer(d.split.train.classes);
    w.key("layers").beginArray();
    w.integer(d.split.train.featureCount());
    for (int h : c.hidden)
        w.integer(h);
    w.integer(headOutputs(c.head, d.split.train.classes));
    w.endArray();
    w.key("activation").string(activationName(c.activation));
    w.key("head").string(headName(c.head));
    w.key("optimizer").string(optimizerName(optimizerKind(c.optimizer)));
    w.key("lr").number(learningRate(c.optimizer));
    if (const auto *m = std::get_if<Momentum>(&c.optimizer))
        w.key("momentum").number(m->momentum);
    if (const auto *a = std::get_if<Adam>(&c.optimizer)) {
        w.key("beta1").number(a->beta1);
        w.key("beta2").number(a->beta2);
        w.key("epsilon").number(a->epsilon);
    }
    w.key("lr_decay").number(c.lrDecayRate);
    w.key("lr_decay_every").integer(c.lrDecayEvery);
    w.key("l2").number(c.l2);
    w.key("batch").integer(c.batchSize);
    w.key("epochs").integer(c.epochs);
    w.key("dtype").string(formatName(c.format));
    w.key("accumulate").string(accumulationName(c.mixed.accumulate));
    w.key("master_weights").string(c.mixed.masterWeights ? "float32" : "none");
    w.key("loss_scale").beginObject();
    const LossScaling &ls = c.mixed.lossScale;
    w.key("kind").string(
        ls.kind == LossScaleKind::None ? "none" : (ls.kind == LossScaleKind::Static ? "static" : "dynamic"));
    if (ls.kind != LossScaleKind::None)
        w.key("scale").number(ls.scale);
    if (ls.kind == LossScaleKind::Dynamic) {
        w.key("growth_factor").number(ls.growthFactor);
        w.key("growth_interval").integer(ls.growthInterval);
        w.key("backoff_factor").number(ls.backoffFactor);
    }
    w.endObject();
    w.key("update_rounding").string(updateRoundingName(c.mixed.updateRounding));
    w.key("init").string(initName(c.init));
    w.key("init_scale").number(c.initScale);
    w.key("seed").integer(static_cast<long long>(c.seed));
    w.key("on_nan").string(c.onNonFinite == NonFinitePolicy::Stop ? "stop" : "continue");
    w.endObject();
}

/** Redraws one progress line on \a err: "epoch 3/10 [#########.........]  45%". */
void drawProgress(std::ostream &err, int epoch, int epochs, long long done, long long total)
{
    constexpr int width = 30;
    const int filled = total > 0 ? int(double(done) / double(total) * width) : width;
    err << "\repoch " << epoch << '/' << epochs << " [" << std::string(filled, '#') << std::string(width - filled, '.')
        << "] " << (total > 0 ? done * 100 / total : 100) << "%" << std::flush;
}

/** What one run did: its epoch records, final test metrics and first NaN/inf event. */
struct RunRecord {
    std::vector<EpochPoint> epochs; ///< epoch 1, 2, ... (the session's point 0 is not a record)
    struct {
        double loss = 0, accuracy = 0;
        long long nonFiniteLosses = 0, deadSamples = 0;
    } final; ///< the test set after the last step
    bool weightsFinite = true;
    std::optional<SessionEvent> nonFinite;
};

bool allFinite(const std::vector<double> &v)
{
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

/** The run's divergence in one sentence, or empty. */
std::string divergenceText(const RunRecord &r, long long batchesPerEpoch)
{
    if (!r.nonFinite)
        return {};
    const SessionEvent &e = *r.nonFinite;
    const long long epoch = batchesPerEpoch > 0 ? (e.step - 1) / batchesPerEpoch + 1 : 1;
    std::string s = "the run diverged: its " + std::string(e.lossNonFinite ? "loss" : "gradient")
        + " became NaN/inf at step " + std::to_string(e.step) + " (epoch " + std::to_string(epoch) + ")";
    if (!r.weightsFinite)
        s += "; its weights are no longer finite, so everything it predicts from then on is meaningless";
    return s;
}

/**
 * One run's JSON. \a cpu: CPU seconds per epoch of the epoch loop, written as "cpu_seconds" for a
 * single run and "lockstep_cpu_seconds" (both runs together) for a twin run.
 */
void writeRunJson(JsonWriter &w, const TrainConfig &c, const QString &dataset, const SessionData &d, const RunRecord &r,
    const std::vector<double> &cpu, bool twin, bool stopped, long long batchesPerEpoch)
{
    writeConfig(w, c, dataset, d);
    w.key("epochs").beginArray();
    for (const EpochPoint &e : r.epochs) {
        w.beginObject();
        w.key("epoch").integer(e.epoch);
        w.key("lr").number(e.learningRate);
        w.key("train_loss").number(e.trainLoss);
        w.key("train_accuracy").number(e.trainAccuracy);
        w.key("test_loss").number(e.testLoss);
        w.key("test_accuracy").number(e.testAccuracy);
        w.key("seconds").number(e.seconds);
        const std::size_t k = std::size_t(&e - r.epochs.data());
        w.key(twin ? "lockstep_cpu_seconds" : "cpu_seconds").number(k < cpu.size() ? cpu[k] : 0.0);
        w.key("nan_events").integer(e.nanEvents);
        w.key("max_abs_logit").number(e.maxAbsLogit);
        w.key("loss_scale").number(e.lossScale);
        w.key("skipped_steps").integer(e.skippedSteps);
        w.key("flushed_gradients").integer(e.flushedGradients);
        w.key("overflow_gradients").integer(e.overflowGradients);
        w.key("lost_updates").beginArray();
        for (double f : e.lostUpdates)
            w.number(f);
        w.endArray();
        w.key("update_ratio").beginArray();
        for (double f : e.updateRatio)
            w.number(f);
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("final").beginObject();
    w.key("test_loss").number(r.final.loss);
    w.key("test_accuracy").number(r.final.accuracy);
    w.key("test_nonfinite_losses").integer(r.final.nonFiniteLosses);
    w.key("test_dead_samples").integer(r.final.deadSamples);
    w.key("weights_finite").boolean(r.weightsFinite);
    w.endObject();
    w.key("diverged").boolean(r.nonFinite.has_value());
    if (r.nonFinite) {
        w.key("first_nonfinite").beginObject();
        w.key("step").integer(r.nonFinite->step);
        w.key("what").string(r.nonFinite->lossNonFinite ? "loss" : "gradient");
        w.key("loss").number(r.nonFinite->loss);
        w.key("message").string(divergenceText(r, batchesPerEpoch));
        w.endObject();
    }
    w.key("stopped").boolean(stopped);
}

/** True for a run whose table shows the mixed-precision columns. */
bool showsMixed(const TrainConfig &c)
{
    return c.format == Format::Float16 || c.format == Format::BFloat16 || c.mixed.lossScale.kind != LossScaleKind::None
        || c.mixed.updateRounding != UpdateRounding::Nearest;
}

/** The mixed-precision options of \a c in words for the header ("" when they do not apply). */
std::string mixedText(const TrainConfig &c)
{
    std::string s;
    const bool sixteen = c.format == Format::Float16 || c.format == Format::BFloat16;
    if (sixteen)
        s += " (accumulate " + std::string(accumulationName(c.mixed.accumulate)) + ")";
    if (c.mixed.masterWeights)
        s += ", float32 master weights";
    const LossScaling &ls = c.mixed.lossScale;
    if (ls.kind == LossScaleKind::Static)
        s += ", loss scale " + number(ls.scale);
    else if (ls.kind == LossScaleKind::Dynamic)
        s += ", dynamic loss scale from " + number(ls.scale);
    if (c.mixed.updateRounding == UpdateRounding::Stochastic)
        s += ", stochastic rounding";
    return s;
}

/** Per-layer percentages joined by '/', e.g. "12.5%/0%/0%". */
std::string layerPercents(const std::vector<double> &v)
{
    std::string s;
    for (double f : v)
        s += (s.empty() ? "" : "/") + (std::isfinite(f) ? fixed(100 * f, f > 0 && f < 0.001 ? 3 : 1) : number(f)) + "%";
    return s.empty() ? "-" : s;
}

std::string runHeader(const TrainConfig &c, const QString &dataset, const SessionData &d)
{
    std::string s = "train " + layerText(c, d.split.train) + ' ' + std::string(activationName(c.activation)) + ", head "
        + std::string(headName(c.head)) + ", " + std::string(optimizerName(optimizerKind(c.optimizer))) + " lr "
        + number(learningRate(c.optimizer));
    if (c.l2 > 0)
        s += ", l2 " + number(c.l2);
    s += ", batch " + std::to_string(c.batchSize) + ", " + std::string(formatName(c.format)) + mixedText(c) + ", seed "
        + std::to_string(c.seed) + " on " + dataset.toStdString();
    if (const QString task = taskText(d); !task.isEmpty())
        s += " (" + task.toStdString() + ")";
    return s + ": " + std::to_string(d.split.train.size()) + " train / " + std::to_string(d.split.test.size())
        + " test";
}

std::string runTable(const RunRecord &r, bool mixed)
{
    std::vector<std::vector<std::string>> rows {
        {"epoch", "lr", "train_loss", "train_acc", "test_loss", "test_acc", "seconds", "nan_events", "max|logit|"}};
    if (mixed)
        for (const char *h : {"loss_scale", "skipped", "flushed", "lost_updates"})
            rows[0].push_back(h);
    for (const EpochPoint &e : r.epochs) {
        rows.push_back({std::to_string(e.epoch), number(e.learningRate), fixed(e.trainLoss, 4),
            fixed(100 * e.trainAccuracy, 2) + "%", fixed(e.testLoss, 4), fixed(100 * e.testAccuracy, 2) + "%",
            fixed(e.seconds, 4), std::to_string(e.nanEvents), fixed(e.maxAbsLogit, 2)});
        if (mixed)
            for (std::string cell : {number(e.lossScale), std::to_string(e.skippedSteps),
                     std::to_string(e.flushedGradients), layerPercents(e.lostUpdates)})
                rows.back().push_back(cell);
    }
    return formatTable(rows);
}

/** Trains \a lab for lab.a.epochs epochs in lockstep and prints the table or JSON. */
int train(const TrainingLab &lab, const QString &dataset, const std::optional<Preset> &preset, bool json,
    std::ostream &out, std::ostream &err)
{
    TwinSession session;
    session.setHistoryLimit(0); // the command line never steps back: no snapshots
    const SessionSetupError problem = session.setup(lab, resourceBytes());
    if (!problem.data.ok()) {
        const bool task = problem.data.error == DataError::BadTask || problem.data.error == DataError::EmptyClass;
        throw UsageError((task ? QStringLiteral("--binary: ") : QStringLiteral("--dataset: "))
            + dataErrorText(problem.data, lab.data));
    }
    if (problem.config != TrainConfigError::None) {
        QString text = configErrorText(problem.config);
        if (problem.config == TrainConfigError::BinaryHeadNeedsTwoClasses)
            text = text.arg(QString::fromLatin1(headName(session.config(problem.run).head).data()));
        if (lab.twin && problem.run == 1) { // only B's own options can make B fail where A did not
            for (const char *o : {"head", "lr", "l2", "dtype", "master-weights", "update-rounding", "loss-scale",
                     "scale-growth-factor", "scale-backoff", "scale-growth-interval"})
                text.replace(
                    QStringLiteral("--%1").arg(QLatin1String(o)), QStringLiteral("--b-%1").arg(QLatin1String(o)));
            text = QStringLiteral("twin B: ") + text;
        }
        throw UsageError(text);
    }
    const SessionData &data = *session.data();
    const int runs = session.runCount();
    const int epochs = lab.a.epochs;
    RunRecord records[2];
    const auto take = [&] {
        TrainingUpdate u = session.takeUpdate();
        for (int i = 0; i < runs; ++i)
            for (const EpochPoint &e : u.epochs[i])
                if (e.epoch > 0)
                    records[i].epochs.push_back(e);
        for (const SessionEvent &e : u.events)
            if (e.kind == SessionEventKind::NonFinite && !records[e.run].nonFinite)
                records[e.run].nonFinite = e;
    };
    take();
    const long long perEpoch = session.state().batchesPerEpoch;
    const long long every = std::max<long long>(1, perEpoch / 50);
    std::vector<double> cpu; // process CPU seconds of each epoch's steps (both runs of a twin)
    for (int e = 0; e < epochs && !session.stopped(); ++e) {
        if (!json)
            drawProgress(err, e + 1, epochs, 0, perEpoch);
        const std::clock_t cpuStart = std::clock();
        for (long long done = 1; session.epoch() == e && !session.stopped(); ++done) {
            session.step();
            if (!json && (done % every == 0 || done == perEpoch))
                drawProgress(err, e + 1, epochs, done, perEpoch);
        }
        cpu.push_back(double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        take();
        if (!json) {
            for (int i = 0; i < runs; ++i)
                if (!records[i].epochs.empty() && records[i].epochs.back().epoch == e + 1)
                    err << (runs == 2 ? (i == 0 ? "  A" : "  B") : "") << "  loss "
                        << fixed(records[i].epochs.back().trainLoss, 4) << "  test acc "
                        << fixed(100 * records[i].epochs.back().testAccuracy, 2) << "%";
            err << '\n' << std::flush;
        }
    }
    for (int i = 0; i < runs; ++i) {
        const EpochPoint t = session.testPoint(i); // not session.view(): no gallery, confusion or boundary grid
        records[i].final.loss = t.testLoss;
        records[i].final.accuracy = t.testAccuracy;
        records[i].final.nonFiniteLosses = t.testNonFinite;
        records[i].final.deadSamples = t.deadSamples;
        records[i].weightsFinite = allFinite(session.parameters(i));
    }
    const bool stopped = session.stopped();

    if (json) {
        JsonWriter w;
        w.beginObject();
        w.key("command").string("train");
        if (preset)
            w.key("preset").string(preset->name);
        if (runs == 1) {
            writeRunJson(w, session.config(0), dataset, data, records[0], cpu, false, stopped, perEpoch);
        } else {
            w.key("twin").boolean(true);
            w.key("stopped").boolean(stopped); // a run stopped, so both ended there
            w.key("runs").beginArray();
            for (int i = 0; i < runs; ++i) {
                w.beginObject();
                w.key("run").string(i == 0 ? "A" : "B");
                writeRunJson(
                    w, session.config(i), dataset, data, records[i], cpu, true, session.runStopped(i), perEpoch);
                w.endObject();
            }
            w.endArray();
        }
        w.endObject();
        out << w.text();
        return 0;
    }
    for (int i = 0; i < runs; ++i) {
        if (runs == 2)
            out << (i == 0 ? "run A: " : "\nrun B: ");
        out << runHeader(session.config(i), dataset, data) << '\n';
        if (i == 0 && preset)
            out << "preset " << preset->name << ": " << presetLine(preset->name) << '\n';
        out << '\n' << runTable(records[i], showsMixed(session.config(i)));
        if (const std::string d = divergenceText(records[i], perEpoch); !d.empty())
            out << '\n' << d << '\n';
        if (records[i].final.deadSamples > 0)
            out << '\n'
                << records[i].final.deadSamples
                << " misclassified test samples have a gradient of exactly 0 (saturated probability path)\n";
    }
    if (runs == 2)
        out << "\nA and B started from the same weights and saw the same batches in the same order.\n";
    if (stopped) {
        out << "\nstopped early after a NaN/inf event";
        if (runs == 2)
            out << " of run " << (session.runStopped(0) ? "A" : "B") << " (both runs end there)";
        out << " (--on-nan stop)\n";
    }
    return 0;
}

} // namespace

CliCommand trainCommand()
{
    return {QStringLiteral("train"),
        QStringLiteral("Train the course MLP (784-25-15-10) on MNIST-10k or a 2-D set; per-epoch loss and accuracy."),
        [](QCommandLineParser &p) {
            auto add = [&](const char *name, const char *help, const char *value) {
                p.addOption(QCommandLineOption(
                    QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value)));
            };
            add("dataset", "mnist-10k (default, embedded), a directory of IDX files, spiral, xor, circles or blobs.",
                "SET");
            add("binary", "Two-class task for the sigmoid heads: D (digit D vs the rest) or A,B (A vs B).", "D");
            add("layers", "Hidden layer widths, e.g. 25,15 (default), or none.", "LIST");
            add("activation", "Hidden activation: relu (default), leaky-relu, sigmoid, tanh, linear.", "NAME");
            add("head", "softmax, softmax-clipped, logits (default), sigmoid, sigmoid-clipped, sigmoid-logits.",
                "NAME");
            add("optimizer", "sgd (default), momentum (0.9) or adam.", "NAME");
            add("lr", "Learning rate (default 0.1; 0.001 for adam).", "X");
            add("lr-decay", "Multiply the learning rate by RATE every --lr-decay-every epochs.", "RATE");
            add("lr-decay-every", "Epochs between learning-rate decays (default 1).", "K");
            add("l2", "L2 weight decay factor (default 0).", "X");
            add("batch", "Batch size (default 32).", "N");
            add("epochs", "Epochs (default 10).", "N");
            add("dtype", "float32 (default), float64, float16 or bfloat16.", "D");
            add("accumulate",
                "16-bit formats: dot products add up in float32 (default, as tensor cores) or in "
                "the format (each product and sum rounded).",
                "WHERE");
            add("master-weights",
                "float32: keep a float32 master copy of the weights (16-bit formats); none "
                "(default).",
                "F");
            add("loss-scale",
                "none (default), dynamic (PyTorch GradScaler: start 65536, halve and skip on inf/NaN, "
                "double after 2000 clean steps) or a fixed factor.",
                "S");
            add("scale-init", "Dynamic loss scaling: the initial scale (default 65536).", "X");
            add("scale-growth-factor", "Dynamic loss scaling: growth factor (default 2).", "X");
            add("scale-growth-interval", "Dynamic loss scaling: clean steps before growing (default 2000).", "N");
            add("scale-backoff", "Dynamic loss scaling: backoff factor on inf/NaN (default 0.5).", "X");
            add("update-rounding", "nearest (default) or stochastic (seeded by --seed).", "R");
            add("init", "glorot (default) or he.", "NAME");
            add("init-scale", "Multiply the initial weights by X (default 1).", "X");
            add("seed", "Seed of the weights and the batch order (default 1).", "N");
            add("noise", "Noise of the synthetic sets (default 0.1).", "X");
            add("on-nan", "continue (default) or stop after a NaN/inf loss or gradient.", "WHAT");
            add("preset",
                "course, large-logits, float-vs-double, binary-sigmoid, float16-adam or "
                "bfloat16-lost-updates (options override it).",
                "NAME");
            p.addOption(QCommandLineOption(QStringLiteral("twin"),
                QStringLiteral("Train twin B alongside in lockstep: same initial weights and batches, "
                               "differing only by the --b-* options (with --preset: the preset's second run).")));
            add("b-head", "Twin B's head (default logits, or the preset's).", "NAME");
            add("b-dtype", "Twin B's format: float32, float64, float16 or bfloat16 (default A's).", "D");
            for (const char *o : {"accumulate", "master-weights", "loss-scale", "scale-init", "scale-growth-factor",
                     "scale-growth-interval", "scale-backoff", "update-rounding"})
                p.addOption(QCommandLineOption(QStringLiteral("b-") + QLatin1String(o),
                    QStringLiteral("Twin B's --%1 (default A's).").arg(QLatin1String(o)), QStringLiteral("V")));
            add("b-optimizer", "Twin B's optimiser: sgd, momentum or adam (default A's).", "NAME");
            add("b-lr", "Twin B's learning rate (default A's; 0.001 with --b-optimizer adam).", "X");
            add("b-l2", "Twin B's L2 weight decay (default 0).", "X");
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &err) {
            std::optional<Preset> preset;
            const QString presetName = singleValue(p, QStringLiteral("preset"));
            if (!presetName.isEmpty()) {
                preset = findPreset(presetName.toStdString());
                if (!preset)
                    throw UsageError(QStringLiteral("unknown --preset '%1' (expected course, large-logits, "
                                                    "float-vs-double, binary-sigmoid, float16-adam or "
                                                    "bfloat16-lost-updates)")
                                         .arg(presetName));
            }
            TrainingLab lab;
            lab.a = parseConfig(p, preset);
            lab.twin = p.isSet(QStringLiteral("twin"));
            lab.b = parseTwin(p, preset, lab.a);
            QString dataset;
            lab.data = dataSpec(p, preset, &dataset);
            return train(lab, dataset, preset, p.isSet(QStringLiteral("json")), out, err);
        }};
}

} // namespace logitlab::cli
