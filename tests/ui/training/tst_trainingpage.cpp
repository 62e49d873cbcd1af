// SPDX-License-Identifier: GPL-3.0-or-later
/** \file GUI tests of the Training lab under the offscreen platform: step-back restores the
 * parameters bit for bit, one epoch reproduces the CLI's numbers, pause answers within 100 ms,
 * the NaN/saturation markers appear on the probability run only (one per streak, with the count),
 * a user's zoom survives training until Fit, keys, export, settings. */
#include "training/drawingcanvas.h"
#include "training/trainingcontrols.h"
#include "training/trainingcurves.h"
#include "training/trainingpage.h"
#include "training/trainingsession.h"
#include "training/twindifference.h"

#include "data/idxdataset.h"
#include "nn/mlptrainer.h"
#include "nn/presets.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cstring>

using namespace logitlab;
using namespace logitlab::ui;

class TestTrainingPage : public QObject {
    Q_OBJECT
private:
    /** Waits until the page has no command outstanding. */
    static bool settle(TrainingPage &page, int ms = 20000)
    {
        QElapsedTimer t;
        t.start();
        while ((page.isBusy() || !page.latestView()) && t.elapsed() < ms)
            QTest::qWait(5);
        QCoreApplication::processEvents();
        return !page.isBusy();
    }

    static void choosePreset(TrainingPage &page, const QString &name)
    {
        QComboBox *box = page.controls()->presetBox();
        box->setCurrentIndex(box->findData(name));
        page.reset();
        QVERIFY(settle(page));
    }

    static QJsonObject runCli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(LOGITLAB_CLI), args);
        if (!p.waitForFinished(120000) || p.exitCode() != 0)
            return {};
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

    static bool sameBits(const std::vector<double> &a, const std::vector<double> &b)
    {
        return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("LogitLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trainingpage"));
        QSettings().clear();
    }

    void stepBackRestoresParametersBitForBit()
    {
        TrainingPage page;
        page.show();
        choosePreset(page, QStringLiteral("course"));
        for (int i = 0; i < 3; ++i)
            page.stepBatch();
        QVERIFY(settle(page));
        QCOMPARE(page.session()->state().step, 3);
        const ModelViewPtr after3 = page.latestView();
        QCOMPARE(after3->step, 3);
        QCOMPARE(after3->runCount, 2);

        for (int i = 0; i < 2; ++i)
            page.stepBatch();
        QVERIFY(settle(page));
        QCOMPARE(page.latestView()->step, 5);
        QVERIFY(!sameBits(page.latestView()->runs[0].parameters, after3->runs[0].parameters));
        page.stepBack();
        page.stepBack();
        QVERIFY(settle(page));
        const ModelViewPtr back = page.latestView();
        QCOMPARE(back->step, 3);
        for (int r = 0; r < 2; ++r)
            QVERIFY2(sameBits(back->runs[r].parameters, after3->runs[r].parameters), "step-back is not bit-exact");
        // The curves lost the two undone batches.
        QCOMPARE(page.curves()->batchLoss(0)->dataCount(), 3);

        // Independent check: the engine itself, same preset, three batches.
        const SplitResult data = loadIdxDirectory(LOGITLAB_MNIST_DIR);
        QVERIFY(data.ok());
        const Preset preset = *findPreset("course");
        for (int r = 0; r < 2; ++r) {
            MlpTrainer<float> engine(preset.twinConfig(std::size_t(r)), data.split.train, data.split.test);
            for (int i = 0; i < 3; ++i)
                engine.step();
            std::vector<double> p(std::size_t(engine.network().parameters().size()));
            for (std::size_t i = 0; i < p.size(); ++i)
                p[i] = double(engine.network().parameters()[Eigen::Index(i)]);
            QVERIFY2(sameBits(back->runs[r].parameters, p), "the page's run differs from the engine's");
        }
        // Stepping on after the rewind reproduces the undone batch exactly.
        page.stepBatch();
        QVERIFY(settle(page));
        QCOMPARE(page.latestView()->step, 4);
    }

    void labValueRoundTrip()
    {
        // setLab() shows a Training lab value (as a lesson file will); setup() reads back the same
        // value, and the widgets a user sees hold it.
        TrainingPage page;
        TrainingLab v;
        v.data.source = DataSource::Synthetic;
        v.data.synthetic = SyntheticKind::Circles;
        v.data.noise = 0.25;
        v.a.hidden = {8, 4};
        v.a.activation = Activation::Tanh;
        v.a.init = Init::He;
        v.a.initScale = 2.0;
        v.a.seed = 7;
        v.a.batchSize = 16;
        v.a.lrDecayRate = 0.5;
        v.a.lrDecayEvery = 2;
        v.a.head = Head::Sigmoid;
        v.a.optimizer = Momentum {0.05};
        v.a.l2 = 0.001;
        v.b = {Head::SigmoidLogits, Format::Float64, Adam {0.002}, 0.01, {}};
        page.controls()->setLab(v);
        const TrainingLab got = page.controls()->setup();
        QCOMPARE(int(got.data.source), int(v.data.source));
        QCOMPARE(int(got.data.synthetic), int(v.data.synthetic));
        QCOMPARE(got.data.noise, v.data.noise);
        QCOMPARE(got.data.binaryPositive, -1);
        QCOMPARE(got.a.hidden, v.a.hidden);
        QCOMPARE(int(got.a.activation), int(v.a.activation));
        QCOMPARE(int(got.a.init), int(v.a.init));
        QCOMPARE(got.a.initScale, v.a.initScale);
        QCOMPARE(got.a.seed, v.a.seed);
        QCOMPARE(got.a.batchSize, v.a.batchSize);
        QCOMPARE(got.a.lrDecayRate, v.a.lrDecayRate);
        QCOMPARE(got.a.lrDecayEvery, v.a.lrDecayEvery);
        QCOMPARE(got.twin, true);
        const TrainConfig runs[2][2] = {{got.a, v.a}, {twinConfig(got.a, got.b), twinConfig(v.a, v.b)}};
        for (const auto &r : runs) {
            QCOMPARE(int(r[0].head), int(r[1].head));
            QCOMPARE(int(r[0].format), int(r[1].format));
            QCOMPARE(int(optimizerKind(r[0].optimizer)), int(optimizerKind(r[1].optimizer)));
            QCOMPARE(learningRate(r[0].optimizer), learningRate(r[1].optimizer));
            QCOMPARE(r[0].l2, r[1].l2);
        }
        // What the user sees.
        QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("layersEdit"))->text(), QStringLiteral("8,4"));
        QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("datasetBox"))->currentData().toString(),
            QStringLiteral("circles"));
        QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("headB"))->currentData().toString(),
            QStringLiteral("sigmoid-logits"));
        QCOMPARE(page.findChild<QDoubleSpinBox *>(QStringLiteral("lrB"))->value(), 0.002);
        QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("presetBox"))->currentData().toString(), QString());
        // Every preset fills the form with exactly its lab value.
        for (const Preset &p : presets()) {
            page.controls()->applyPreset(QString::fromLatin1(p.name.data(), qsizetype(p.name.size())));
            const TrainingLab want = presetLab(p), form = page.controls()->setup();
            QCOMPARE(form.data.binaryPositive, want.data.binaryPositive);
            QCOMPARE(form.data.binaryNegative, want.data.binaryNegative);
            QCOMPARE(form.a.hidden, want.a.hidden);
            QCOMPARE(form.a.initScale, want.a.initScale);
            QCOMPARE(int(form.a.head), int(want.a.head));
            QCOMPARE(int(form.b.head), int(want.b.head));
            QCOMPARE(int(form.b.format), int(want.b.format));
            QCOMPARE(form.a.epochs, want.a.epochs);
        }
    }

    void oneEpochHoldsTheCliNumbers()
    {
        TrainingPage page;
        page.show();
        choosePreset(page, QStringLiteral("course"));
        page.epochLimitBox()->setValue(1);
        page.play();
        QElapsedTimer t;
        t.start();
        while (!(page.session()->state().limitReached && !page.session()->state().playing) && t.elapsed() < 60000)
            QTest::qWait(20);
        QVERIFY(settle(page));
        QCOMPARE(page.session()->state().epoch, 1);
        QCOMPARE(page.session()->state().step, 250); // 8000 / 32

        const QString heads[2] = {QStringLiteral("softmax"), QStringLiteral("logits")};
        for (int r = 0; r < 2; ++r) {
            const QJsonObject cli = runCli({QStringLiteral("train"), QStringLiteral("--preset"),
                QStringLiteral("course"), QStringLiteral("--head"), heads[r], QStringLiteral("--epochs"),
                QStringLiteral("1"), QStringLiteral("--json")});
            QVERIFY2(!cli.isEmpty(), "logitlab-cli train failed");
            const QJsonObject e = cli.value(QStringLiteral("epochs")).toArray().at(0).toObject();
            // The curves' epoch points: step 0 (initial weights) and step 250 (after epoch 1).
            QCPGraph *trainLoss = page.curves()->epochTrainLoss(r);
            QCOMPARE(trainLoss->dataCount(), 2);
            QCOMPARE((trainLoss->data()->constEnd() - 1)->key, 250.0);
            QCOMPARE((trainLoss->data()->constEnd() - 1)->value, e.value(QStringLiteral("train_loss")).toDouble());
            QCOMPARE((page.curves()->epochTrainAccuracy(r)->data()->constEnd() - 1)->value,
                e.value(QStringLiteral("train_accuracy")).toDouble());
            QCOMPARE((page.curves()->testLoss(r)->data()->constEnd() - 1)->value,
                e.value(QStringLiteral("test_loss")).toDouble());
            QCOMPARE((page.curves()->testAccuracy(r)->data()->constEnd() - 1)->value,
                e.value(QStringLiteral("test_accuracy")).toDouble());
            QCOMPARE(page.curves()->batchLoss(r)->dataCount(), 250);
        }
        // `train --twin` gives the window's twin session: the same numbers for both runs at once.
        const QJsonObject twin = runCli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("course"),
            QStringLiteral("--twin"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--json")});
        const QJsonArray runs = twin.value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 2);
        // The model view of step 250 (views arrive about twice a second; the last one after the stop).
        QTRY_VERIFY_WITH_TIMEOUT(page.latestView() && page.latestView()->step == 250, 10000);
        for (int r = 0; r < 2; ++r) {
            const QJsonObject run = runs.at(r).toObject();
            QCOMPARE(run.value(QStringLiteral("config")).toObject().value(QStringLiteral("head")).toString(), heads[r]);
            const QJsonObject e = run.value(QStringLiteral("epochs")).toArray().at(0).toObject();
            QCOMPARE((page.curves()->epochTrainLoss(r)->data()->constEnd() - 1)->value,
                e.value(QStringLiteral("train_loss")).toDouble());
            QCOMPARE((page.curves()->testAccuracy(r)->data()->constEnd() - 1)->value,
                e.value(QStringLiteral("test_accuracy")).toDouble());
            QCOMPARE(page.latestView()->runs[r].testLoss,
                run.value(QStringLiteral("final")).toObject().value(QStringLiteral("test_loss")).toDouble());
        }
    }

    void pauseAnswersWithin100ms()
    {
        TrainingPage page;
        page.show();
        choosePreset(page, QStringLiteral("course"));
        page.epochLimitBox()->setValue(0);
        QSignalSpy playing(page.session(), &TrainingSession::stateChanged);
        page.play();
        QTRY_VERIFY_WITH_TIMEOUT(page.session()->state().playing, 5000);
        QTest::qWait(300);
        QVERIFY(page.session()->state().step > 0);
        QSignalSpy spy(page.session(), &TrainingSession::stateChanged);
        QElapsedTimer t;
        t.start();
        page.pause();
        qint64 answered = -1;
        while (t.elapsed() < 2000) {
            if (spy.wait(5) || !spy.isEmpty())
                for (const QList<QVariant> &args : spy)
                    if (!args.at(0).value<SessionState>().playing) {
                        answered = t.elapsed();
                        break;
                    }
            if (answered >= 0)
                break;
        }
        qInfo("pause answered after %lld ms", static_cast<long long>(answered));
        QVERIFY(answered >= 0);
        QVERIFY2(answered < 100, "pause took 100 ms or more");
        const long long stoppedAt = page.session()->state().step;
        QTest::qWait(150);
        QCOMPARE(page.session()->state().step, stoppedAt);
    }

    void divergenceMarksTheProbabilityRunOnly()
    {
        TrainingPage page;
        page.show();
        // Binary 4 vs 9 with large weights: sigmoid + log(p) gives inf/NaN in the first batch.
        choosePreset(page, QStringLiteral("binary-sigmoid"));
        for (int i = 0; i < 5; ++i)
            page.stepBatch();
        QVERIFY(settle(page));
        QTRY_VERIFY(page.curves()->nanEvents(0) > 0);
        QCOMPARE(page.curves()->nanEvents(1), 0);
        QVERIFY(page.curves()->nanMarkers(0)->dataCount() > 0);
        QCOMPARE(page.curves()->nanMarkers(1)->dataCount(), 0);
        QVERIFY2(page.eventText().contains(QStringLiteral("Run A")), qPrintable(page.eventText()));
        QVERIFY(page.eventText().contains(QStringLiteral("unaffected")));
        QVERIFY(!page.eventText().contains(QStringLiteral("Run B: the loss")));

        // Large logits: the clipped softmax saturates (zero-gradient samples), from_logits does not.
        choosePreset(page, QStringLiteral("large-logits"));
        QVERIFY(page.curves()->saturationEvents(0) > 0);
        QCOMPARE(page.curves()->saturationEvents(1), 0);
        QVERIFY(page.curves()->saturationMarkers(0)->dataCount() > 0);
        QVERIFY(page.eventText().contains(QStringLiteral("16.118")));
    }

    void textsDescribeWhatIsOnScreen()
    {
        TrainingPage page;
        page.resize(1366, 768);
        page.show();
        QSignalSpy status(&page, &TrainingPage::statusMessage);
        // binary-sigmoid: run A's loss becomes inf/NaN in the first batch; banner and status say so.
        choosePreset(page, QStringLiteral("binary-sigmoid"));
        page.session()->stepBatches(3);
        QVERIFY(settle(page));
        QTRY_VERIFY(!page.eventText().isEmpty());
        QVERIFY(status.last().front().toString().contains(QStringLiteral("Run A")));

        // The teacher picks the course preset from the box: nothing of the old run stays.
        QComboBox *preset = page.controls()->presetBox();
        preset->setCurrentIndex(preset->findData(QStringLiteral("course")));
        QTRY_VERIFY(!page.isBusy() && page.latestView());
        QVERIFY(page.eventText().isEmpty());
        QVERIFY(!page.findChild<QWidget *>(QStringLiteral("eventBanner"))->isVisible());
        QVERIFY2(!status.last().front().toString().contains(QStringLiteral("Run A")),
            qPrintable(status.last().front().toString()));
        QVERIFY(page.controls()->explanation().contains(QStringLiteral("784")));

        // MNIST has no decision boundary: that tab shows no accuracy over empty axes.
        QCustomPlot *boundary = page.findChild<PlotPanel *>(QStringLiteral("boundaryPanel"))->plot();
        page.viewTabs()->setCurrentIndex(4);
        QTest::qWait(100);
        QCOMPARE(boundary->xAxis->label(), QString());

        // The data box is changed by hand to a 2-D set: the preset's MNIST account no longer applies.
        auto *data = page.findChild<QComboBox *>(QStringLiteral("datasetBox"));
        data->setCurrentIndex(data->findData(QStringLiteral("spiral")));
        QCOMPARE(preset->currentData().toString(), QString());
        QVERIFY2(page.controls()->explanation().contains(QStringLiteral("changed from the preset")),
            qPrintable(page.controls()->explanation()));
        QVERIFY(!page.controls()->explanation().contains(QStringLiteral("784")));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy() && page.latestView(), 20000);
        page.session()->stepBatches(1);
        QVERIFY(settle(page));
        QTRY_VERIFY(boundary->xAxis->label().contains(QStringLiteral("accuracy")));
        // Equal axes: one unit is as many pixels on x as on y (within a pixel's rounding).
        QCPAxisRect *rect = boundary->axisRect(0);
        const double perX = boundary->xAxis->range().size() / rect->width();
        const double perY = boundary->yAxis->range().size() / rect->height();
        QVERIFY2(std::abs(perX / perY - 1) < 0.02, qPrintable(QStringLiteral("%1 vs %2").arg(perX).arg(perY)));
    }

    void differenceViewShowsHowFarBMoves()
    {
        TrainingPage page;
        page.resize(1366, 768);
        page.show();
        // float-vs-double: the same network, weights and batches in float32 (A) and float64 (B).
        choosePreset(page, QStringLiteral("float-vs-double"));
        page.session()->stepBatches(20);
        QVERIFY(settle(page));
        QTRY_COMPARE(page.difference()->weightGraph()->dataCount(), 20);
        QCOMPARE(page.difference()->lossGraph()->dataCount(), 20);
        // The weights differ by rounding only: above 0 (float32 rounds each update) and far
        // below the weights themselves (Glorot scale ~0.1) after 20 steps.
        const double last = (page.difference()->weightGraph()->data()->constEnd() - 1)->value;
        QVERIFY2(last > TwinDifference::zeroDrawnAt && last < 1e-3, qPrintable(QString::number(last)));
        // Step back: the difference curve follows.
        page.session()->stepBack(5);
        QVERIFY(settle(page));
        QTRY_COMPARE(page.difference()->weightGraph()->dataCount(), 15);
        // One run alone has nothing to compare: the view says so.
        page.findChild<QCheckBox *>(QStringLiteral("twinBox"))->setChecked(false);
        QTRY_VERIFY(page.difference()->panel()->title().contains(QStringLiteral("twin")));
        QCOMPARE(page.difference()->weightGraph()->dataCount(), 0);
    }

    void nanMarkersAreOnePerStreak()
    {
        TrainingPage page;
        page.show();
        // binary-sigmoid: run A's loss is inf/NaN on every batch from the first one on (the
        // preset's account: sigmoid rounds to 1, log(0), inf * 0 = NaN in every weight), and its
        // initial test evaluation is NaN too: 1 + 200 events, in the step-0 mark and 1 streak.
        choosePreset(page, QStringLiteral("binary-sigmoid"));
        page.session()->stepBatches(200);
        QVERIFY(settle(page));
        QTRY_COMPARE(page.curves()->nanEvents(0), 201);
        QVERIFY2(page.curves()->nanMarkers(0)->dataCount() <= 2, "one NaN marker per batch again");
        QCOMPARE(page.curves()->nanSpans(0)->dataCount(), 2); // first and last batch of the streak
        QCOMPARE(page.curves()->nanSpans(0)->data()->constBegin()->key, 1.0);
        QCOMPARE((page.curves()->nanSpans(0)->data()->constEnd() - 1)->key, 200.0);
        QVERIFY2(page.curves()->nanMarkers(0)->name().contains(QStringLiteral("201")),
            qPrintable(page.curves()->nanMarkers(0)->name()));
        QCOMPARE(page.curves()->nanEvents(1), 0);
        QCOMPARE(page.curves()->nanSpans(1)->dataCount(), 0);
        // Step back 2: the streak ends at 198 and the count drops by 2.
        page.session()->stepBack(2);
        QVERIFY(settle(page));
        QTRY_COMPARE(page.curves()->nanEvents(0), 199);
        QCOMPARE((page.curves()->nanSpans(0)->data()->constEnd() - 1)->key, 198.0);
        QVERIFY(page.curves()->nanMarkers(0)->dataCount() <= 2);
    }

    void zoomIsKeptWhileTraining()
    {
        TrainingPage page;
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        choosePreset(page, QStringLiteral("course"));
        page.session()->stepBatches(20);
        QVERIFY(settle(page));
        QTest::qWait(100); // a few frames
        QCustomPlot *loss = page.curves()->lossPanel()->plot();
        QCustomPlot *acc = page.curves()->accuracyPanel()->plot();
        QCOMPARE(loss->xAxis->range().upper, 20 * 1.02); // following: 0 .. last step + 2%
        QVERIFY(page.curves()->following(0));
        // The course twins see the same batches and no probability rounds to 0: equal curves.
        QVERIFY(page.curves()->runsCoincide());
        QVERIFY(page.curves()->coincideNote().contains(QStringLiteral("coincide")));

        // The user zooms the loss plot with the wheel.
        const QPointF at = loss->axisRect()->center();
        QWheelEvent wheel(at, loss->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QApplication::sendEvent(loss, &wheel);
        QVERIFY(!page.curves()->following(0));
        const QCPRange zoomed = loss->xAxis->range();
        const QCPRange zoomedY = loss->yAxis->range();
        QVERIFY(zoomed.upper < 20 * 1.02);

        page.session()->stepBatches(30);
        QVERIFY(settle(page));
        QTest::qWait(100);
        QCOMPARE(page.curves()->batchLoss(0)->dataCount(), 50);
        QCOMPARE(loss->xAxis->range(), zoomed); // kept while the run goes on
        QCOMPARE(loss->yAxis->range(), zoomedY);
        QCOMPARE(acc->xAxis->range().upper, 50 * 1.02); // the other plot still follows

        // Fit: follow again.
        page.curves()->lossPanel()->resetView();
        QVERIFY(page.curves()->following(0));
        page.session()->stepBatches(10);
        QVERIFY(settle(page));
        QTRY_COMPARE(loss->xAxis->range().upper, 60 * 1.02);

        choosePreset(page, QStringLiteral("large-logits"));
        page.session()->stepBatches(5);
        QVERIFY(settle(page));
        QVERIFY(!page.curves()->runsCoincide()); // clipped softmax vs from_logits differ at once
        QVERIFY(page.curves()->coincideNote().isEmpty());
    }

    void keysDriveTheTransport()
    {
        TrainingPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        choosePreset(page, QStringLiteral("course"));
        page.setFocus();
        QTest::keyClick(&page, Qt::Key_Right);
        QTest::keyClick(&page, Qt::Key_Right);
        QVERIFY(settle(page));
        QCOMPARE(page.session()->state().step, 2);
        QTest::keyClick(&page, Qt::Key_Left);
        QVERIFY(settle(page));
        QCOMPARE(page.session()->state().step, 1);
        QTest::keyClick(&page, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(page.session()->state().playing, 5000);
        QTest::keyClick(&page, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!page.session()->state().playing, 5000);
        QTest::keyClick(&page, Qt::Key_R);
        QVERIFY(settle(page));
        QCOMPARE(page.session()->state().step, 0);
    }

    void everyViewExports()
    {
        TrainingPage page;
        page.resize(1400, 900);
        page.show();
        choosePreset(page, QStringLiteral("course"));
        page.stepBatch();
        QVERIFY(settle(page));
        QTemporaryDir dir;
        int n = 0;
        for (int tab = 0; tab < page.viewTabs()->count(); ++tab) {
            page.viewTabs()->setCurrentIndex(tab);
            QTest::qWait(60); // one frame shows the view
        }
        for (PlotPanel *panel : page.plots()) {
            for (const QString &suffix :
                {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("csv")}) {
                const QString path = dir.filePath(QStringLiteral("view%1.%2").arg(n).arg(suffix));
                QString error;
                QVERIFY2(panel->exportTo(path, PlotPanel::kindForPath(path), &error), qPrintable(error));
                if (suffix == QLatin1String("csv")) {
                    QFile f(path);
                    QVERIFY(f.open(QIODevice::ReadOnly));
                    QVERIFY(f.readLine().startsWith("series,x,y,z"));
                } else {
                    QVERIFY(QFileInfo(path).size() > 100);
                }
            }
            ++n;
        }
        QCOMPARE(n, 10); // loss, accuracy, rate, A − B difference, five model views, the drawn digit
    }

    void drawingGivesProbabilities()
    {
        TrainingPage page;
        page.show();
        choosePreset(page, QStringLiteral("course"));
        page.viewTabs()->setCurrentIndex(5);
        QSignalSpy spy(page.session(), &TrainingSession::classified);
        page.canvas()->drawStroke({QPointF(0.5, 0.15), QPointF(0.5, 0.85)}); // a "1"
        QVERIFY(spy.wait(5000));
        const QVector<double> a = spy.last().at(0).value<QVector<double>>();
        QCOMPARE(a.size(), 10);
        double sum = 0;
        for (double p : a)
            sum += p;
        QVERIFY(std::abs(sum - 1.0) < 1e-5);
        const std::vector<float> px = page.canvas()->pixels();
        QCOMPARE(px.size(), std::size_t(784));
        QVERIFY(*std::max_element(px.begin(), px.end()) > 0.5f);
    }

    void settingsPersist()
    {
        {
            TrainingPage page;
            choosePreset(page, QStringLiteral("float-vs-double"));
            page.epochLimitBox()->setValue(7);
            page.findChild<QDoubleSpinBox *>(QStringLiteral("lrB"))->setValue(0.25);
            page.saveSettings();
        }
        TrainingPage page;
        page.restoreSettings();
        QVERIFY(settle(page));
        // B's learning rate was changed by hand after the preset: the setup is custom now.
        QCOMPARE(page.controls()->presetName(), QString());
        QCOMPARE(page.epochLimitBox()->value(), 7);
        QCOMPARE(page.controls()->setup().b.format, Format::Float64);
        QCOMPARE(learningRate(page.controls()->setup().b.optimizer), 0.25);
    }

    void closingMidRunExitsCleanly()
    {
        auto *page = new TrainingPage;
        page->show();
        QVERIFY(settle(*page));
        page->epochLimitBox()->setValue(0);
        page->play();
        QTest::qWait(200);
        QElapsedTimer t;
        t.start();
        delete page; // stops and joins the worker
        QVERIFY(t.elapsed() < 1000);
    }
};

QTEST_MAIN(TestTrainingPage)
#include "tst_trainingpage.moc"
