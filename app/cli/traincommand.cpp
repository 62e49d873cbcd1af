/**
 * \file `logitlab-cli train`: trains the MLP of core/nn on MNIST-10k (embedded), an IDX
 * directory or a synthetic 2-D set, and prints per-epoch records as a table or one JSON object.
 */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "data/binarytask.h"
#include "data/idxdataset.h"
#include "data/synthetic.h"
#include "nn/mlptrainer.h"
#include "nn/presets.h"
#include "text/numbertext.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cmath>
#include <cstdio>
#include <span>

namespace logitlab::cli {
namespace {

const QString builtinMnist = QStringLiteral("mnist-10k");

QString idxErrorText(IdxError e)
{
    switch (e) {
    case IdxError::None: return QStringLiteral("no error");
    case IdxError::FileUnreadable: return QStringLiteral("cannot be read");
    case IdxError::FileMissing: return QStringLiteral("does not exist");
    case IdxError::NotAFile: return QStringLiteral("is a directory, not a file");
    case IdxError::GzipCorrupt: return QStringLiteral("is not valid gzip data (corrupt or cut short)");
    case IdxError::TooLarge: return QStringLiteral("is larger than the 256 MiB limit");
    case IdxError::Truncated: return QStringLiteral("is shorter than its header says");
    case IdxError::BadMagic: return QStringLiteral("does not start with the IDX magic number");
    case IdxError::UnsupportedType: return QStringLiteral("does not hold unsigned bytes (IDX type 0x08)");
    case IdxError::BadDimensionCount: return QStringLiteral("has the wrong number of dimensions");
    case IdxError::ZeroDimension: return QStringLiteral("has a dimension of size 0");
    case IdxError::SizeMismatch: return QStringLiteral("has more data than its header says");
    case IdxError::LabelOutOfRange: return QStringLiteral("has a label outside 0..9");
    case IdxError::CountMismatch: return QStringLiteral("has a different number of labels than images");
    }
    return QStringLiteral("is invalid");
}

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
    case TrainConfigError::UnsupportedFormat: return QStringLiteral("--dtype: training runs in float32 or float64");
    }
    return {};
}

/** The single value of option \a name, or empty if not given; throws if given twice. */
QString singleValue(const QCommandLineParser &p, const QString &name)
{
    const QStringList values = p.values(name);
    if (values.size() > 1)
        throw UsageError(QStringLiteral("--%1 given %2 times; give it once").arg(name).arg(values.size()));
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

std::vector<std::uint8_t> resourceBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw UsageError(QStringLiteral("the embedded data set is missing (%1)").arg(path));
    const QByteArray bytes = f.readAll();
    return {reinterpret_cast<const std::uint8_t *>(bytes.constData()),
        reinterpret_cast<const std::uint8_t *>(bytes.constData()) + bytes.size()};
}

DataSplit loadEmbeddedMnist()
{
    DataSplit split;
    const char *parts[2][2] = {
        {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}, {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}};
    for (int i = 0; i < 2; ++i) {
        const auto images = resourceBytes(QStringLiteral(":/mnist-10k/%1.gz").arg(QLatin1String(parts[i][0])));
        const auto labels = resourceBytes(QStringLiteral(":/mnist-10k/%1.gz").arg(QLatin1String(parts[i][1])));
        DatasetResult r = datasetFromIdxBytes(images, labels);
        if (!r.ok())
            throw UsageError(QStringLiteral("embedded MNIST-10k %1").arg(idxErrorText(r.error)));
        (i == 0 ? split.train : split.test) = std::move(r.dataset);
    }
    return split;
}

struct DataChoice {
    QString name; ///< what --dataset said (or the preset's)
    DataSplit split;
    QString task; ///< "" or e.g. "4 vs 9", "3 vs rest"
};

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

DataChoice loadData(const QCommandLineParser &p, const std::optional<Preset> &preset, std::uint64_t seed)
{
    DataChoice d;
    d.name = singleValue(p, QStringLiteral("dataset"));
    if (d.name.isEmpty())
        d.name = builtinMnist;
    const QString noiseText = singleValue(p, QStringLiteral("noise"));
    if (const auto kind = parseSynthetic(d.name.toStdString())) {
        SyntheticSpec spec;
        spec.kind = *kind;
        spec.seed = seed;
        if (!noiseText.isEmpty()) {
            spec.noise = parseReal(noiseText, QStringLiteral("noise"));
            if (spec.noise < 0 || spec.noise > 10)
                throw UsageError(QStringLiteral("--noise must be in [0, 10]"));
        }
        d.split = makeSynthetic(spec);
    } else {
        if (!noiseText.isEmpty())
            throw UsageError(QStringLiteral("--noise applies to the synthetic sets only"));
        if (d.name == builtinMnist) {
            d.split = loadEmbeddedMnist();
        } else {
            if (!QFileInfo(d.name).isDir())
                throw UsageError(QStringLiteral("--dataset: '%1' is neither mnist-10k, spiral, xor, circles, blobs "
                                                "nor a directory of IDX files")
                                     .arg(d.name));
            SplitResult r = loadIdxDirectory(d.name.toStdString());
            if (!r.ok())
                throw UsageError(QStringLiteral("--dataset: %1 in '%2' %3")
                                     .arg(QLatin1String(idxFileName(r.failedFile)), d.name, idxErrorText(r.error)));
            d.split = std::move(r.split);
        }
    }
    int negative = -1, positive = -1;
    const QString binary = singleValue(p, QStringLiteral("binary"));
    if (!binary.isEmpty()) {
        std::tie(negative, positive) = parseBinary(binary, d.split.train.classes);
    } else if (preset && preset->positiveDigit >= 0 && d.name == builtinMnist) {
        negative = preset->negativeDigit;
        positive = preset->positiveDigit;
    }
    if (positive >= 0) {
        if (negative < 0) {
            d.split.train = oneVsRest(d.split.train, positive);
            d.split.test = oneVsRest(d.split.test, positive);
            d.task = QStringLiteral("%1 vs rest").arg(positive);
        } else {
            d.split.train = twoClasses(d.split.train, negative, positive);
            d.split.test = twoClasses(d.split.test, negative, positive);
            d.task = QStringLiteral("%1 vs %2").arg(negative).arg(positive);
        }
    }
    return d;
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
    OptimizerKind kind = optimizerKind(c.optimizer);
    double lr = learningRate(c.optimizer);
    const bool kindGiven = !(v = singleValue(p, QStringLiteral("optimizer"))).isEmpty();
    if (kindGiven)
        kind = parseName<OptimizerKind>(
            v, QStringLiteral("optimizer"), parseOptimizer, QStringLiteral("sgd, momentum or adam"));
    const QString lrText = singleValue(p, QStringLiteral("lr"));
    if (!lrText.isEmpty())
        lr = parseReal(lrText, QStringLiteral("lr"));
    else if (kindGiven && kind == OptimizerKind::Adam)
        lr = Adam {}.learningRate; // Adam's own default, not SGD's 0.1
    if (kindGiven || !lrText.isEmpty())
        c.optimizer = makeOptimizer(kind, lr);
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
        if (c.format != Format::Float32 && c.format != Format::Float64)
            throw UsageError(configErrorText(TrainConfigError::UnsupportedFormat));
    }
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

void writeConfig(JsonWriter &w, const TrainConfig &c, const DataChoice &d)
{
    w.key("config").beginObject();
    w.key("dataset").string(d.name.toStdString());
    if (!d.task.isEmpty())
        w.key("task").string(d.task.toStdString());
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

template <class Scalar>
int train(const TrainConfig &c, const DataChoice &d, const std::optional<Preset> &preset, bool json, std::ostream &out,
    std::ostream &err)
{
    MlpTrainer<Scalar> trainer(c, d.split.train, d.split.test);
    std::vector<EpochMetrics> records;
    const long long perEpoch = trainer.batchesPerEpoch();
    const long long step = std::max<long long>(1, perEpoch / 50);
    for (int e = 0; e < c.epochs && !trainer.stopped(); ++e) {
        long long done = 0;
        if (!json)
            drawProgress(err, e + 1, c.epochs, 0, perEpoch);
        records.push_back(trainer.runEpoch([&](const BatchMetrics &) {
            if (!json && (++done % step == 0 || done == perEpoch))
                drawProgress(err, e + 1, c.epochs, done, perEpoch);
        }));
        if (!json) {
            const EpochMetrics &r = records.back();
            err << "  loss " << fixed(r.trainLoss, 4) << "  test acc " << fixed(100 * r.testAccuracy, 2) << "%\n"
                << std::flush;
        }
    }
    const EvalMetrics finalTest = trainer.evaluateTest();
    if (json) {
        JsonWriter w;
        w.beginObject();
        w.key("command").string("train");
        if (preset)
            w.key("preset").string(preset->name);
        writeConfig(w, c, d);
        w.key("epochs").beginArray();
        for (const EpochMetrics &r : records) {
            w.beginObject();
            w.key("epoch").integer(r.epoch);
            w.key("lr").number(r.learningRate);
            w.key("train_loss").number(r.trainLoss);
            w.key("train_accuracy").number(r.trainAccuracy);
            w.key("test_loss").number(r.testLoss);
            w.key("test_accuracy").number(r.testAccuracy);
            w.key("seconds").number(r.seconds);
            w.key("cpu_seconds").number(r.cpuSeconds);
            w.key("nan_events").integer(r.nanEvents);
            w.key("max_abs_logit").number(r.maxAbsLogit);
            w.endObject();
        }
        w.endArray();
        w.key("final").beginObject();
        w.key("test_loss").number(finalTest.loss);
        w.key("test_accuracy").number(finalTest.accuracy);
        w.key("test_nonfinite_losses").integer(finalTest.nonFiniteLosses);
        w.key("test_dead_samples").integer(finalTest.deadSamples);
        w.endObject();
        w.key("stopped").boolean(trainer.stopped());
        w.endObject();
        out << w.text();
        return 0;
    }
    out << "train " << layerText(c, d.split.train) << ' ' << activationName(c.activation) << ", head "
        << headName(c.head) << ", " << optimizerName(optimizerKind(c.optimizer)) << " lr "
        << number(learningRate(c.optimizer)) << ", batch " << c.batchSize << ", " << formatName(c.format) << ", seed "
        << c.seed << " on " << d.name.toStdString();
    if (!d.task.isEmpty())
        out << " (" << d.task.toStdString() << ")";
    out << ": " << d.split.train.size() << " train / " << d.split.test.size() << " test\n";
    if (preset)
        out << "preset " << preset->name << ": " << preset->title << "\n";
    out << '\n';
    std::vector<std::vector<std::string>> rows {
        {"epoch", "lr", "train_loss", "train_acc", "test_loss", "test_acc", "seconds", "nan_events", "max|logit|"}};
    for (const EpochMetrics &r : records)
        rows.push_back({std::to_string(r.epoch), number(r.learningRate), fixed(r.trainLoss, 4),
            fixed(100 * r.trainAccuracy, 2) + "%", fixed(r.testLoss, 4), fixed(100 * r.testAccuracy, 2) + "%",
            fixed(r.seconds, 4), std::to_string(r.nanEvents), fixed(r.maxAbsLogit, 2)});
    out << formatTable(rows);
    if (trainer.stopped())
        out << "\nstopped early after a NaN/inf event (--on-nan stop)\n";
    if (finalTest.deadSamples > 0)
        out << '\n'
            << finalTest.deadSamples
            << " misclassified test samples have a gradient of exactly 0 (saturated probability path)\n";
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
            add("dtype", "float32 (default) or float64.", "D");
            add("init", "glorot (default) or he.", "NAME");
            add("init-scale", "Multiply the initial weights by X (default 1).", "X");
            add("seed", "Seed of the weights and the batch order (default 1).", "N");
            add("noise", "Noise of the synthetic sets (default 0.1).", "X");
            add("on-nan", "continue (default) or stop after a NaN/inf loss or gradient.", "WHAT");
            add("preset", "course, large-logits, float-vs-double or binary-sigmoid (options override it).", "NAME");
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &err) {
            std::optional<Preset> preset;
            const QString presetName = singleValue(p, QStringLiteral("preset"));
            if (!presetName.isEmpty()) {
                preset = findPreset(presetName.toStdString());
                if (!preset)
                    throw UsageError(QStringLiteral("unknown --preset '%1' (expected course, large-logits, "
                                                    "float-vs-double or binary-sigmoid)")
                                         .arg(presetName));
            }
            const TrainConfig config = parseConfig(p, preset);
            const DataChoice data = loadData(p, preset, config.seed);
            const TrainConfigError problem = validateConfig(config, data.split.train.classes, data.split.train.size(),
                data.split.train.featureCount(), data.split.test.featureCount());
            if (problem != TrainConfigError::None) {
                QString text = configErrorText(problem);
                if (problem == TrainConfigError::BinaryHeadNeedsTwoClasses)
                    text = text.arg(QString::fromLatin1(headName(config.head).data()));
                throw UsageError(text);
            }
            const bool json = p.isSet(QStringLiteral("json"));
            return config.format == Format::Float64 ? train<double>(config, data, preset, json, out, err)
                                                    : train<float>(config, data, preset, json, out, err);
        }};
}

} // namespace logitlab::cli
