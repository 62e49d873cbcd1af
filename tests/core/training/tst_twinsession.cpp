// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The twin session (core/training/twinsession.h) without any widget: lockstep twins equal single
 * runs, step back is bit-exact, events fire once and re-arm when undone, the model views agree
 * with the output head they come from, and bad data or configurations are errors, not crashes.
 */
#include "nn/outputhead.h"
#include "nn/presets.h"
#include "training/twinsession.h"

#include <QtTest>

#include <QTemporaryDir>

#include <cmath>
#include <fstream>
#include <iterator>
#include <numeric>

using namespace logitlab;

namespace {

/** The embedded files, read from resources/mnist-10k as the app reads them from its resources. */
ByteSource fileBytes()
{
    return [](std::string_view name) -> std::optional<std::vector<std::uint8_t>> {
        std::ifstream in(std::string(LOGITLAB_MNIST_DIR) + "/" + std::string(name), std::ios::binary);
        if (!in)
            return std::nullopt;
        return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
    };
}

/** A small, fast lab: the xor set with a 8-8 network (1200 train samples, 38 batches of 32). */
TrainingLab xorLab()
{
    TrainingLab lab;
    lab.data.source = DataSource::Synthetic;
    lab.data.synthetic = SyntheticKind::Xor;
    lab.a.hidden = {8, 8};
    lab.a.head = Head::Softmax;
    lab.b.head = Head::Logits;
    return lab;
}

bool sameBits(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    return true;
}

/** Steps \a n times and returns every batch loss of run \a run. */
std::vector<double> lossesOf(TwinSession &s, int n, int run)
{
    std::vector<double> out;
    for (int i = 0; i < n; ++i)
        s.step();
    for (const BatchPoint &b : s.takeUpdate().batches[run])
        out.push_back(b.loss);
    return out;
}

} // namespace

class TstTwinSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The embedded-data cache keeps the first good load: the failing sources come first.
    void dataErrors_data();
    void dataErrors();
    void twoClassTaskErrors_data();
    void twoClassTaskErrors();
    void configErrors_data();
    void configErrors();
    void twinsEqualSingleRuns_data();
    void twinsEqualSingleRuns();
    void stepBackIsBitExact();
    void historyIsBounded();
    void nonFiniteEventFiresOnceAndRearms();
    void stopPolicyEndsTheSession();
    void saturationEventOnLargeLogits();
    void viewsAgreeWithTheHead();
    void sigmoidHeadInspector();
    void historyFitsTheMemoryBudget();
    void boundaryOnTwoDimensionalData();
    void classifyChecksTheWidth();
};

void TstTwinSession::dataErrors_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("bytes"); // 0: none, 1: corrupt
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("idxError");
    QTest::addRow("embedded files missing")
        << int(DataSource::Mnist) << QString() << 0 << int(DataError::EmbeddedMissing) << int(IdxError::None);
    QTest::addRow("embedded files corrupt")
        << int(DataSource::Mnist) << QString() << 1 << int(DataError::EmbeddedInvalid) << int(IdxError::GzipCorrupt);
    QTest::addRow("no IDX directory chosen")
        << int(DataSource::IdxDirectory) << QString() << 0 << int(DataError::NoIdxDirectory) << int(IdxError::None);
    QTest::addRow("IDX directory missing") << int(DataSource::IdxDirectory) << QStringLiteral("/nonexistent/dir") << 0
                                           << int(DataError::Idx) << int(IdxError::FileMissing);
}

void TstTwinSession::dataErrors()
{
    QFETCH(int, source);
    QFETCH(QString, path);
    QFETCH(int, bytes);
    QFETCH(int, error);
    QFETCH(int, idxError);
    TrainingLab lab;
    lab.data.source = DataSource(source);
    lab.data.idxPath = path.toStdString();
    const ByteSource src = [bytes](std::string_view) -> std::optional<std::vector<std::uint8_t>> {
        if (bytes == 0)
            return std::nullopt;
        return std::vector<std::uint8_t> {0x1f, 0x8b, 0x08, 0x00, 0x01}; // a gzip header, cut short
    };
    TwinSession s;
    const SessionSetupError e = s.setup(lab, src);
    QCOMPARE(int(e.data.error), error);
    QCOMPARE(int(e.data.idxError), idxError);
    QVERIFY(!e.ok());
    QVERIFY(!s.ready());
    // Nothing to step, undo or show: each is a no-op, never a crash.
    s.step();
    QCOMPARE(s.stepBack(3), 0);
    QVERIFY(!s.view(0));
    QVERIFY(s.takeUpdate().empty());
}

namespace {
/** Writes an IDX file: \a magic (0x0803 images, 0x0801 labels), dimensions, then bytes. */
void writeIdx(const QString &path, std::uint8_t type3, const std::vector<std::uint32_t> &dims,
    const std::vector<std::uint8_t> &bytes)
{
    std::ofstream f(path.toStdString(), std::ios::binary);
    const std::uint8_t head[4] = {0, 0, 0x08, type3};
    f.write(reinterpret_cast<const char *>(head), 4);
    for (std::uint32_t d : dims) {
        const std::uint8_t be[4]
            = {std::uint8_t(d >> 24), std::uint8_t(d >> 16), std::uint8_t(d >> 8), std::uint8_t(d)};
        f.write(reinterpret_cast<const char *>(be), 4);
    }
    f.write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));
}
} // namespace

void TstTwinSession::twoClassTaskErrors_data()
{
    QTest::addColumn<bool>("idx"); // a 4-sample IDX set with labels 0, 1, 2, 0 (10 classes), else xor (2 classes)
    QTest::addColumn<int>("negative");
    QTest::addColumn<int>("positive");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("taskClass");
    QTest::addRow("xor: the same class twice") << false << 1 << 1 << int(DataError::BadTask) << 2;
    QTest::addRow("xor: class 2 of 2") << false << -1 << 2 << int(DataError::BadTask) << 2;
    QTest::addRow("xor: negative class 5") << false << 5 << 1 << int(DataError::BadTask) << 2;
    QTest::addRow("xor: 0 vs 1 is fine") << false << 0 << 1 << int(DataError::None) << -1;
    QTest::addRow("idx: 0 vs 3, no 3 in the data") << true << 0 << 3 << int(DataError::EmptyClass) << 3;
    QTest::addRow("idx: 7 vs rest, no 7") << true << -1 << 7 << int(DataError::EmptyClass) << 7;
    QTest::addRow("idx: 2 vs rest is fine") << true << -1 << 2 << int(DataError::None) << -1;
}

void TstTwinSession::twoClassTaskErrors()
{
    QFETCH(bool, idx);
    QFETCH(int, negative);
    QFETCH(int, positive);
    QFETCH(int, error);
    QFETCH(int, taskClass);
    QTemporaryDir dir;
    TrainingLab lab = xorLab();
    if (idx) {
        QVERIFY(dir.isValid());
        writeIdx(dir.filePath(QStringLiteral("train-images-idx3-ubyte")), 3, {4, 1, 1}, {10, 20, 30, 40});
        writeIdx(dir.filePath(QStringLiteral("train-labels-idx1-ubyte")), 1, {4}, {0, 1, 2, 0});
        writeIdx(dir.filePath(QStringLiteral("t10k-images-idx3-ubyte")), 3, {2, 1, 1}, {15, 25});
        writeIdx(dir.filePath(QStringLiteral("t10k-labels-idx1-ubyte")), 1, {2}, {0, 2});
        lab.data.source = DataSource::IdxDirectory;
        lab.data.idxPath = dir.path().toStdString();
    }
    lab.data.binaryNegative = negative;
    lab.data.binaryPositive = positive;
    TwinSession s;
    const SessionSetupError e = s.setup(lab, {});
    QCOMPARE(int(e.data.error), error);
    QCOMPARE(e.data.taskClass, taskClass);
    QCOMPARE(s.ready(), error == int(DataError::None));
    if (s.ready()) // the task's two classes are 0 and 1 now
        QCOMPARE(s.data()->split.train.classes, 2);
}

void TstTwinSession::configErrors_data()
{
    QTest::addColumn<int>("headA");
    QTest::addColumn<int>("headB");
    QTest::addColumn<double>("lrB");
    QTest::addColumn<int>("run");
    QTest::addColumn<int>("error");
    QTest::addRow("A sigmoid on 10 digits")
        << int(Head::Sigmoid) << int(Head::Logits) << 0.1 << 0 << int(TrainConfigError::BinaryHeadNeedsTwoClasses);
    QTest::addRow("B sigmoid on 10 digits") << int(Head::Logits) << int(Head::SigmoidLogits) << 0.1 << 1
                                            << int(TrainConfigError::BinaryHeadNeedsTwoClasses);
    QTest::addRow("B learning rate 0") << int(Head::Logits) << int(Head::Logits) << 0.0 << 1
                                       << int(TrainConfigError::BadLearningRate);
    QTest::addRow("B learning rate NaN") << int(Head::Logits) << int(Head::Logits) << double(NAN) << 1
                                         << int(TrainConfigError::BadLearningRate);
}

void TstTwinSession::configErrors()
{
    QFETCH(int, headA);
    QFETCH(int, headB);
    QFETCH(double, lrB);
    QFETCH(int, run);
    QFETCH(int, error);
    TrainingLab lab;
    lab.a.head = Head(headA);
    lab.b.head = Head(headB);
    lab.b.optimizer = Sgd {lrB};
    TwinSession s;
    const SessionSetupError e = s.setup(lab, fileBytes());
    QVERIFY(e.data.ok());
    QCOMPARE(e.run, run);
    QCOMPARE(int(e.config), error);
    QVERIFY(!s.ready());
}

void TstTwinSession::twinsEqualSingleRuns_data()
{
    QTest::addColumn<int>("headB");
    QTest::addColumn<int>("formatB");
    QTest::addColumn<double>("lrB");
    QTest::addRow("softmax vs logits") << int(Head::Logits) << int(Format::Float32) << 0.1;
    QTest::addRow("float32 vs float64") << int(Head::Softmax) << int(Format::Float64) << 0.1;
    QTest::addRow("lr 0.1 vs 0.5") << int(Head::Softmax) << int(Format::Float32) << 0.5;
}

void TstTwinSession::twinsEqualSingleRuns()
{
    QFETCH(int, headB);
    QFETCH(int, formatB);
    QFETCH(double, lrB);
    TrainingLab twin = xorLab();
    twin.b.head = Head(headB);
    twin.b.format = Format(formatB);
    twin.b.optimizer = Sgd {lrB};
    TwinSession both;
    QVERIFY(both.setup(twin, {}).ok());
    QCOMPARE(both.runCount(), 2);
    // Each run alone: A as it is, B as run A of its own session (A's setup with B's differences).
    TrainingLab aloneA = twin, aloneB = twin;
    aloneA.twin = aloneB.twin = false;
    aloneB.a = twinConfig(twin.a, twin.b);
    TwinSession a, b;
    QVERIFY(a.setup(aloneA, {}).ok());
    QVERIFY(b.setup(aloneB, {}).ok());
    QVERIFY(sameBits(both.parameters(0), a.parameters(0))); // the twins start from the same weights ...
    QVERIFY(sameBits(both.parameters(1), b.parameters(0)));
    QVERIFY(sameBits(a.parameters(0), b.parameters(0)));
    const int n = 60; // past the first epoch's end (38 batches)
    for (int i = 0; i < n; ++i) {
        both.step();
        a.step();
        b.step();
    }
    QVERIFY(sameBits(both.parameters(0), a.parameters(0))); // ... and each ends where it would alone
    QVERIFY(sameBits(both.parameters(1), b.parameters(0)));
    const TrainingUpdate u = both.takeUpdate(), ua = a.takeUpdate(), ub = b.takeUpdate();
    QCOMPARE(u.epochs[0].size(), std::size_t(2)); // the initial point and epoch 1
    for (int r = 0; r < 2; ++r) {
        const TrainingUpdate &alone = r == 0 ? ua : ub;
        QCOMPARE(u.batches[r].size(), std::size_t(n));
        for (int i = 0; i < n; ++i)
            QCOMPARE(u.batches[r][i].loss, alone.batches[0][i].loss);
        QCOMPARE(u.epochs[r][1].testAccuracy, alone.epochs[0][1].testAccuracy);
        QCOMPARE(u.epochs[r][1].trainLoss, alone.epochs[0][1].trainLoss);
    }
    // B's weight difference is max |w_A - w_B|, computed here independently.
    const std::vector<double> pa = both.parameters(0), pb = both.parameters(1);
    double diff = 0;
    for (std::size_t k = 0; k < pa.size(); ++k)
        diff = std::max(diff, std::fabs(pa[k] - pb[k]));
    QCOMPARE(u.batches[1].back().weightDiff, diff);
}

void TstTwinSession::stepBackIsBitExact()
{
    TwinSession s;
    QVERIFY(s.setup(xorLab(), {}).ok());
    lossesOf(s, 30, 0);
    const std::vector<double> at30[2] = {s.parameters(0), s.parameters(1)};
    const std::vector<double> forward = lossesOf(s, 20, 0); // crosses the epoch end at 38
    QCOMPARE(s.epoch(), 1);
    QCOMPARE(s.stepBack(20), 20);
    QCOMPARE(s.stepCount(), 30LL);
    QCOMPARE(s.epoch(), 0);
    QVERIFY(sameBits(s.parameters(0), at30[0]));
    QVERIFY(sameBits(s.parameters(1), at30[1]));
    // The same 20 batches again, bit for bit (the batch order and optimiser state came back too).
    QCOMPARE(lossesOf(s, 20, 0), forward);
    QCOMPARE(s.epoch(), 1);
}

void TstTwinSession::historyIsBounded()
{
    TwinSession s;
    QVERIFY(s.setup(xorLab(), {}).ok());
    QCOMPARE(s.historyLimit(), TwinSession::maxHistory);
    lossesOf(s, TwinSession::maxHistory + 15, 0);
    QCOMPARE(s.state().historyDepth, TwinSession::maxHistory);
    QCOMPARE(s.stepBack(1000), TwinSession::maxHistory);
    QCOMPARE(s.stepCount(), 15LL);
    QCOMPARE(s.stepBack(1), 0);
    s.setHistoryLimit(0); // the CLI's setting: no snapshots at all
    lossesOf(s, 5, 0);
    QCOMPARE(s.stepBack(1), 0);
    QCOMPARE(s.stepCount(), 20LL);
}

void TstTwinSession::nonFiniteEventFiresOnceAndRearms()
{
    TrainingLab lab = xorLab();
    lab.b.head = Head::Softmax; // logits ~1e6 make a probability 0 and its loss inf
    lab.b.optimizer = Sgd {1e6}; // B diverges; A (lr 0.1) does not
    TwinSession s;
    QVERIFY(s.setup(lab, {}).ok());
    long long first = 0;
    for (int i = 0; i < 40 && first == 0; ++i) {
        s.step();
        for (const SessionEvent &e : s.takeUpdate().events)
            if (e.kind == SessionEventKind::NonFinite) {
                QCOMPARE(e.run, 1);
                QVERIFY(e.otherClean);
                first = e.step;
            }
    }
    QVERIFY2(first > 0, "lr 1e6 must make B's loss or gradient non-finite within 40 batches");
    lossesOf(s, 10, 0);
    for (const SessionEvent &e : s.takeUpdate().events) // once only
        QVERIFY(e.kind != SessionEventKind::NonFinite);
    // Undo it: the same event comes again at the same step.
    QVERIFY(s.stepBack(int(s.stepCount() - first + 1)) > 0);
    QCOMPARE(s.stepCount(), first - 1);
    s.step();
    const TrainingUpdate u = s.takeUpdate();
    QCOMPARE(u.events.size(), std::size_t(1));
    QCOMPARE(u.events[0].step, first);
    QCOMPARE(u.events[0].run, 1);
}

void TstTwinSession::stopPolicyEndsTheSession()
{
    TrainingLab lab = xorLab();
    lab.twin = false;
    lab.a.optimizer = Sgd {1e6};
    lab.a.onNonFinite = NonFinitePolicy::Stop;
    TwinSession s;
    QVERIFY(s.setup(lab, {}).ok());
    s.takeUpdate();
    for (int i = 0; i < 40 && !s.stopped(); ++i)
        s.step();
    QVERIFY(s.stopped());
    QVERIFY(s.state().stopped);
    const long long at = s.stepCount();
    QVERIFY(at < 38); // within the first epoch
    s.step(); // nothing happens once stopped
    QCOMPARE(s.stepCount(), at);
    const TrainingUpdate u = s.takeUpdate();
    QCOMPARE(u.epochs[0].size(), std::size_t(1)); // the partial epoch's point
    QCOMPARE(u.epochs[0][0].epoch, 1);
    QCOMPARE(u.epochs[0][0].step, at);
    QCOMPARE(u.epochs[0][0].nanEvents, 1LL);
    QVERIFY(!std::isfinite(u.batches[0].back().loss) || u.batches[0].back().nonFiniteGradients > 0);
}

void TstTwinSession::saturationEventOnLargeLogits()
{
    // The large-logits preset: the clipped head starts with many misclassified samples whose
    // gradient is exactly 0 (Keras's clip), from_logits has none (its gradient is p - onehot).
    const auto preset = findPreset("large-logits");
    QVERIFY(preset);
    TrainingLab lab;
    lab.a = preset->twinConfig(0);
    lab.b = differencesOf(preset->twinConfig(1));
    TwinSession s;
    QVERIFY(s.setup(lab, fileBytes()).ok());
    const TrainingUpdate u = s.takeUpdate();
    QCOMPARE(u.epochs[0].size(), std::size_t(1));
    QVERIFY(u.epochs[0][0].deadSamples > 0);
    QCOMPARE(u.epochs[1][0].deadSamples, 0LL);
    QCOMPARE(u.events.size(), std::size_t(1));
    const SessionEvent &e = u.events[0];
    QCOMPARE(int(e.kind), int(SessionEventKind::Saturation));
    QCOMPARE(e.run, 0);
    QCOMPARE(e.step, 0LL);
    QCOMPARE(e.dead, u.epochs[0][0].deadSamples);
    QCOMPARE(e.total, 2000LL);
    QCOMPARE(e.otherDead, 0LL);
}

void TstTwinSession::viewsAgreeWithTheHead()
{
    TwinSession s;
    QVERIFY(s.setup(TrainingLab {}, fileBytes()).ok());
    lossesOf(s, 50, 0);
    const ModelViewPtr v = s.view(1234);
    QVERIFY(v);
    QCOMPARE(v->classes, 10);
    QCOMPARE(v->runCount, 2);
    QCOMPARE(v->inspectedSample, 1234);
    QCOMPARE(s.view(999999)->inspectedSample, 1999); // clamped to the test set
    QCOMPARE(int(v->galleryIndices.size()), TwinSession::gallerySize);
    QVERIFY(std::is_sorted(v->galleryIndices.begin(), v->galleryIndices.end()));
    const Dataset &test = s.data()->split.test;
    std::vector<int> perClass(10, 0);
    for (int g : v->galleryIndices)
        ++perClass[std::size_t(test.labels[std::size_t(g)])];
    for (int c : perClass) // round-robin over the classes: 16 = 10 + 6
        QVERIFY(c == 1 || c == 2);
    for (int r = 0; r < 2; ++r) {
        const RunView &run = v->runs[r];
        QCOMPARE(std::accumulate(run.confusion.begin(), run.confusion.end(), 0), 2000);
        long long right = 0;
        for (int c = 0; c < 10; ++c)
            right += run.confusion[std::size_t(c) * 10 + c];
        QCOMPARE(double(right) / 2000.0, run.testAccuracy);
        // The inspector's probabilities against softmax(z) computed here in long double: float's
        // shifted softmax (exp and division correctly rounded to within an ulp or two each, k = 10
        // terms summed) is within 16 float ulps of it, relative 16 * 2^-24 < 1e-6, plus an absolute
        // slack for the tiny ones.
        QCOMPARE(run.logits.size(), std::size_t(10));
        long double m = run.logits[0], sum = 0;
        for (double z : run.logits)
            m = std::max<long double>(m, z);
        for (double z : run.logits)
            sum += std::exp((long double)z - m);
        for (int i = 0; i < 10; ++i) {
            const long double exact = std::exp((long double)run.logits[std::size_t(i)] - m) / sum;
            QVERIFY2(std::fabs(double(run.probs[std::size_t(i)] - exact)) <= 1e-6 * double(exact) + 1e-30,
                qPrintable(
                    QStringLiteral("p[%1] = %2, exact %3").arg(i).arg(run.probs[std::size_t(i)]).arg(double(exact))));
        }
        // The loss beside them is -log p(true class) as the head computes it (from_logits: the
        // same value up to rounding): within 1e-5 of -log of the exact probability.
        const long double exactLoss
            = -std::log(std::exp((long double)run.logits[std::size_t(v->inspectedLabel)] - m) / sum);
        QVERIFY(std::fabs(double(run.loss - exactLoss)) <= 1e-5 * std::max(1.0, double(exactLoss)));
        QCOMPARE(run.galleryProbs.size(), std::size_t(TwinSession::gallerySize * 10));
    }
    QCOMPARE(v->inspectedLabel, test.labels[1234]);
    QCOMPARE(v->boundarySize, 0); // MNIST is not 2-D
}

void TstTwinSession::sigmoidHeadInspector()
{
    // A binary head's inspector shows [1 - s, s] with s = sigmoid(z), computed here in long double.
    TrainingLab lab = xorLab();
    lab.a.head = Head::Sigmoid;
    lab.b.head = Head::SigmoidLogits;
    TwinSession s;
    QVERIFY(s.setup(lab, {}).ok());
    lossesOf(s, 30, 0);
    const ModelViewPtr v = s.view(7);
    for (int r = 0; r < 2; ++r) {
        const RunView &run = v->runs[r];
        QCOMPARE(run.logits.size(), std::size_t(1));
        QCOMPARE(run.probs.size(), std::size_t(2));
        const long double sig = 1.0L / (1.0L + std::exp(-(long double)run.logits[0]));
        QVERIFY(std::fabs(double(run.probs[1] - sig)) <= 1e-6 * double(sig));
        QVERIFY(std::fabs(double(run.probs[0] - (1.0L - sig))) <= 1e-6);
    }
}

void TstTwinSession::historyFitsTheMemoryBudget()
{
    // 2-1024-1024-2: 3*1024 + 1025*1024 + 1025*2 = 1,054,722 weights. A snapshot holds up to 3
    // float32 copies of them and the batch order (1200 samples): 12.66 MB per run, 25.3 MB for
    // both, so 512 MiB hold 21 steps, not 100.
    TrainingLab lab = xorLab();
    lab.a.hidden = {1024, 1024};
    TwinSession s;
    QVERIFY(s.setup(lab, {}).ok());
    const long long perRun = 3LL * 1'054'722 * 4 + 1200 * 4;
    QCOMPARE(s.historyLimit(), int(TwinSession::historyBudgetBytes / (2 * perRun)));
    QCOMPARE(s.historyLimit(), 21);
    for (int i = 0; i < 30; ++i)
        s.step();
    QCOMPARE(s.state().historyDepth, 21);
    QCOMPARE(s.stepBack(100), 21);
    QCOMPARE(s.stepCount(), 9LL);
}

void TstTwinSession::boundaryOnTwoDimensionalData()
{
    TwinSession s;
    QVERIFY(s.setup(xorLab(), {}).ok());
    lossesOf(s, 100, 0);
    const ModelViewPtr v = s.view(0);
    QCOMPARE(v->boundarySize, TwinSession::boundaryGrid);
    QVERIFY(v->boundaryX0 < v->boundaryX1 && v->boundaryY0 < v->boundaryY1);
    for (int r = 0; r < 2; ++r) {
        const RunView &run = v->runs[r];
        QCOMPARE(run.boundaryClass.size(), std::size_t(100 * 100));
        for (std::size_t i = 0; i < run.boundaryClass.size(); ++i) {
            QVERIFY(run.boundaryClass[i] == 0 || run.boundaryClass[i] == 1);
            QVERIFY(run.boundaryConfidence[i] >= 0.5 - 1e-6 && run.boundaryConfidence[i] <= 1.0);
        }
        // The grid point nearest (x, y) is classified as classify() classifies (x, y).
        const double x = v->boundaryX0 + (v->boundaryX1 - v->boundaryX0) * 10.5 / 100;
        const double y = v->boundaryY0 + (v->boundaryY1 - v->boundaryY0) * 20.5 / 100;
        const std::vector<double> p = s.classify(r, {float(x), float(y)});
        QCOMPARE(p.size(), std::size_t(2));
        QCOMPARE(run.boundaryClass[20 * 100 + 10], p[1] > p[0] ? 1.0 : 0.0);
    }
}

void TstTwinSession::classifyChecksTheWidth()
{
    TwinSession s;
    QVERIFY(s.setup(xorLab(), {}).ok());
    QVERIFY(s.classify(0, {1.0f}).empty());
    QVERIFY(s.classify(0, {1.0f, 2.0f, 3.0f}).empty());
    QVERIFY(s.classify(2, {1.0f, 2.0f}).empty());
    QCOMPARE(s.classify(1, {0.5f, -0.5f}).size(), std::size_t(2));
}

QTEST_APPLESS_MAIN(TstTwinSession)
#include "tst_twinsession.moc"
