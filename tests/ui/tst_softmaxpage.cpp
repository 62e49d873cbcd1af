// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The Softmax lab driven through its widgets: typing, formats, slider, errors, sweep. */
#include "common/listinput.h"
#include "models/softmaxtablemodel.h"
#include "pages/softmaxpage.h"
#include "pages/temperatureaxis.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"
#include "typing.h"

#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QMimeData>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace logitlab;
using namespace logitlab::ui;

/** \brief GUI tests of SoftmaxPage. */
class TstSoftmaxPage : public QObject {
    Q_OBJECT
private:
    QString cell(int row, int col) const { return m_page->model()->index(row, col).data().toString(); }
    void type(const QString &text)
    {
        QSignalSpy spy(m_page.get(), &SoftmaxPage::resultUpdated);
        m_page->logitInput()->clear();
        QTest::keyClicks(m_page->logitInput(), text);
        QVERIFY(spy.wait(5000) || spy.count() > 0);
        m_page->waitForIdle();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("logitlab-tst-softmaxpage"));
        m_page = std::make_unique<SoftmaxPage>();
        m_page->resize(1400, 900);
        m_page->show();
        m_page->restoreSettings();
    }

    void typedLogitsMatchHandDerivation()
    {
        type(QStringLiteral("[1, 2, 3]"));
        QCOMPARE(m_page->model()->rowCount(), 3);
        // softmax(1,2,3)_2 = 1/(1 + e^-1 + e^-2) = 0.66524095577482...; float32 spacing there is 2^-24.
        const double p2 = cell(2, SoftmaxTableModel::referenceColumn).toDouble();
        QVERIFY(std::fabs(p2 - 0.6652409557748219) <= std::ldexp(1.0, -25));
        QCOMPARE(cell(2, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)).toDouble(), p2);
    }

    void naiveIsNaNAboveLnMax()
    {
        type(QStringLiteral("[1000, 2000, 3000]"));
        QCOMPARE(cell(0, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)), QStringLiteral("nan"));
        QCOMPARE(cell(2, SoftmaxTableModel::valueColumn(SoftmaxMethod::Shifted)), QStringLiteral("1"));
        QCOMPARE(cell(0, SoftmaxTableModel::valueColumn(SoftmaxMethod::Shifted)), QStringLiteral("0"));
        QVERIFY(m_page->model()->explanation(0, SoftmaxMethod::Naive).contains(QStringLiteral("inf/inf")));
        const QVariant bg
            = m_page->model()->index(0, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)).data(Qt::BackgroundRole);
        QVERIFY(bg.isValid());
    }

    void inputMethodPunctuationAccepted()
    {
        // 1，2，3 as a Chinese input method commits it (full-width commas): the same three logits.
        QSignalSpy spy(m_page.get(), &SoftmaxPage::resultUpdated);
        m_page->logitInput()->clear();
        testsupport::typeText(m_page->logitInput(), QStringLiteral("1\uFF0C2\uFF0C3"));
        QVERIFY(spy.wait(5000) || spy.count() > 0);
        m_page->waitForIdle();
        QCOMPARE(m_page->logitInput()->toPlainText(), QStringLiteral("1\uFF0C2\uFF0C3"));
        QCOMPARE(m_page->model()->rowCount(), 3);
        QVERIFY(!m_page->logitInput()->hasError());
    }

    void pasteKeepsInputAndSaysWhy_data()
    {
        QTest::addColumn<int>("kind"); // 0 cleared, 1 image only, 2 empty text
        QTest::addColumn<QString>("said");
        QTest::addRow("cleared clipboard") << 0 << QStringLiteral("no text");
        QTest::addRow("image only") << 1 << QStringLiteral("image");
        QTest::addRow("no formats") << 2 << QStringLiteral("no text");
    }

    void pasteKeepsInputAndSaysWhy()
    {
        QFETCH(int, kind);
        QFETCH(QString, said);
        type(QStringLiteral("[1, 2, 3]"));
        QClipboard *cb = QApplication::clipboard();
        if (kind == 0) {
            cb->clear();
        } else {
            auto *mime = new QMimeData;
            if (kind == 1)
                mime->setImageData(QImage(4, 4, QImage::Format_RGB32));
            cb->setMimeData(mime);
        }
        m_page->logitInput()->setFocus();
        QTest::keySequence(m_page->logitInput(), QKeySequence::SelectAll);
        QTest::keySequence(m_page->logitInput(), QKeySequence::Paste);
        QCOMPARE(m_page->logitInput()->toPlainText(), QStringLiteral("[1, 2, 3]"));
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("messageLabel"))->text().contains(said));
        QCOMPARE(m_page->model()->rowCount(), 3);
    }

    void pastedNumPyPrintComputes()
    {
        type(QStringLiteral("0"));
        QApplication::clipboard()->setText(QStringLiteral("array([1000., 2000., 3000.], dtype=float32)"));
        QSignalSpy spy(m_page.get(), &SoftmaxPage::resultUpdated);
        QTest::keySequence(m_page->logitInput(), QKeySequence::SelectAll);
        QTest::keySequence(m_page->logitInput(), QKeySequence::Paste);
        QVERIFY(spy.wait(5000) || spy.count() > 0);
        m_page->waitForIdle();
        QCOMPARE(m_page->model()->rowCount(), 3);
        QCOMPARE(cell(0, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)), QStringLiteral("nan"));
    }

    void formatSwitchRecomputes()
    {
        type(QStringLiteral("[100, 200, 300]"));
        QCOMPARE(cell(0, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)), QStringLiteral("nan")); // float32
        QSignalSpy spy(m_page.get(), &SoftmaxPage::resultUpdated);
        m_page->setFormat(Format::Float64);
        QVERIFY(spy.wait(5000));
        // p_0 = e^-200 / (1 + e^-100 + e^-200) = 1.3838965267367376e-87 (e^-100 is below float64's u).
        const double p0 = cell(0, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)).toDouble();
        QVERIFY(std::fabs(p0 / 1.3838965267367376e-87 - 1) < 1e-14);
        m_page->setFormat(Format::Float32);
        m_page->waitForIdle();
    }

    void invalidTokenKeepsLastResult()
    {
        type(QStringLiteral("[1000, 2000, 3000]"));
        QTest::keyClicks(m_page->logitInput(), QStringLiteral(", abc"));
        QCoreApplication::processEvents();
        QVERIFY(m_page->logitInput()->hasError());
        QVERIFY(m_page->messageLabel()->text().contains(QStringLiteral("abc")));
        QCOMPARE(m_page->model()->rowCount(), 3);
        QCOMPARE(cell(1, 1), QStringLiteral("2000"));
    }

    void sliderScalesLogits()
    {
        type(QStringLiteral("[1000, 2000, 3000]"));
        QSignalSpy spy(m_page.get(), &SoftmaxPage::resultUpdated);
        m_page->scaleSlider()->setValue(-200); // scale 10^-2
        QVERIFY(spy.wait(5000));
        QCOMPARE(m_page->scaleText(), QStringLiteral("0.01"));
        QCOMPARE(cell(2, 1), QStringLiteral("30"));
        QVERIFY(cell(0, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)) != QStringLiteral("nan"));
        m_page->scaleSlider()->setValue(0);
        m_page->waitForIdle();
    }

    // The slider is the temperature control, T = 1/scale from 100 (Home) to 0.01 (End). Driven by
    // keys and a click on the temperature axis; what the page says is checked against numbers
    // derived by hand (mpmath at 300 digits on the float32 logits).
    void temperatureControlByKeyboardAndMouse()
    {
        m_page->setFormat(Format::Float32);
        type(QStringLiteral("[1000, 1001, 1002, 880]"));
        QSlider *slider = m_page->scaleSlider();
        slider->setFocus();
        const auto press = [&](Qt::Key key) {
            QSignalSpy spy(m_page.get(), &SoftmaxPage::resultUpdated);
            QTest::keyClick(slider, key);
            QVERIFY(spy.wait(5000) || spy.count() > 0);
            m_page->waitForIdle();
        };

        // Home: scale 0.01, T = 100. Logits 10, 10.01, 10.02, 8.8 (float32): H = 1.302741164 nats
        // = 1.879458217 bits; float16's naive form breaks below 1002 / 11.0901107 = 90.35 < 100.
        press(Qt::Key_Home);
        QCOMPARE(slider->value(), -200);
        QCOMPARE(m_page->scaleLabel()->text(), QStringLiteral("T = 100 (logits × 0.01)"));
        QString text = m_page->temperatureLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("H = 1.303 nats = 1.879 bits")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("ln 4 = 1.386 nats = 2 bits")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("At T = 100 it gives NaN in no format.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("float16 90.4, bfloat16 11.3, <b>float32 11.3</b>, float64 1.41, "
                                              "float80 0.0882")),
            qPrintable(text));

        // Every format's mark is drawn on the axis, labelled with its name, float32's as the current one.
        TemperatureAxis *axis = m_page->temperatureAxis();
        QCOMPARE(axis->marks().size(), 5);
        const TemperatureAxis::Mark *float32 = nullptr;
        for (int i = 0; i < axis->marks().size(); ++i) {
            QVERIFY(!axis->labelRect(i).isEmpty());
            QVERIFY(axis->rect().contains(axis->labelRect(i)));
            if (axis->marks()[i].label.startsWith(QStringLiteral("float32")))
                float32 = &axis->marks()[i];
        }
        QVERIFY(float32 && float32->current);
        // 1002 / 88.7228391 = 11.29360: step -100 log10(11.29360) = -105.283.
        QVERIFY(std::fabs(float32->step + 105.283) < 0.001);
        const double markX = axis->xOfStep(float32->step);

        // A click on the float32 mark moves the slider there: step -105, scale 10^-1.05 = 0.0891,
        // T = 11.2, below 11.29: 1002 x 0.0891 = 89.28 > ln max, naive float32 is NaN.
        {
            QSignalSpy spy(m_page.get(), &SoftmaxPage::resultUpdated);
            QTest::mouseClick(axis, Qt::LeftButton, {}, QPoint(static_cast<int>(std::lround(markX)), 2));
            QVERIFY(spy.wait(5000) || spy.count() > 0);
            m_page->waitForIdle();
        }
        QCOMPARE(slider->value(), -105);
        // The mark sits under the handle as the style draws it there (within a step, 0.28 of which
        // separates the mark at -105.283 from the handle at -105).
        QStyleOptionSlider opt;
        opt.initFrom(slider);
        opt.minimum = slider->minimum();
        opt.maximum = slider->maximum();
        opt.sliderPosition = opt.sliderValue = slider->value();
        const QRect handle = slider->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, slider);
        const double handleX
            = slider->mapTo(m_page.get(), handle.center()).x() - axis->mapTo(m_page.get(), QPoint()).x();
        const double pixelsPerStep = axis->xOfStep(1) - axis->xOfStep(0);
        QVERIFY2(pixelsPerStep > 1 && std::fabs(handleX - markX) < pixelsPerStep + 1,
            qPrintable(QStringLiteral("handle %1, mark %2").arg(handleX).arg(markX)));
        QCOMPARE(m_page->scaleLabel()->text(), QStringLiteral("T = 11.2 (logits × 0.0891)"));
        text = m_page->temperatureLabel()->text();
        QVERIFY2(
            text.contains(QStringLiteral("At T = 11.2 it gives NaN in float16, bfloat16, float32.")), qPrintable(text));
        QCOMPARE(cell(2, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)), QStringLiteral("nan"));

        // One step left (warmer): scale 0.0871, T = 11.5, above 11.29: the largest scaled logit is
        // 87.27 and the sum of the exps 2.2e38 < 3.4e38, so naive float32 is finite.
        slider->setFocus();
        press(Qt::Key_Left);
        QCOMPARE(m_page->scaleLabel()->text(), QStringLiteral("T = 11.5 (logits × 0.0871)"));
        text = m_page->temperatureLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("At T = 11.5 it gives NaN in float16.")), qPrintable(text));
        QVERIFY(cell(2, SoftmaxTableModel::valueColumn(SoftmaxMethod::Naive)) != QStringLiteral("nan"));

        // End: scale 100, T = 0.01. Logits 100000, 100100, 100200, 88000: H = 101 e^-100 + ...
        // = 3.757276736e-42 nats = 5.420604514e-42 bits, and every format's naive form is NaN.
        press(Qt::Key_End);
        QCOMPARE(m_page->scaleLabel()->text(), QStringLiteral("T = 0.01 (logits × 100)"));
        text = m_page->temperatureLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("H = 3.757e-42 nats = 5.421e-42 bits")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("At T = 0.01 it gives NaN in float16, bfloat16, float32, float64, "
                                              "float80.")),
            qPrintable(text));

        // Another format moves the current mark; back to T = 1 with eight pages down.
        m_page->setFormat(Format::Float64);
        m_page->waitForIdle();
        for (const TemperatureAxis::Mark &m : axis->marks())
            QCOMPARE(m.current, m.label.startsWith(QStringLiteral("float64")));
        m_page->setFormat(Format::Float32);
        slider->setFocus();
        for (int i = 0; i < 8; ++i)
            QTest::keyClick(slider, Qt::Key_PageDown);
        m_page->waitForIdle();
        QCOMPARE(slider->value(), 0);
        QCOMPARE(m_page->scaleLabel()->text(), QStringLiteral("T = 1 (logits × 1)"));
    }

    // Uniform logits have the largest entropy, ln K; a largest logit of 0 never breaks; a NaN
    // logit has no distribution and breaks at every T.
    void entropyAndBreaksInWords_data()
    {
        QTest::addColumn<QString>("logits");
        QTest::addColumn<QString>("said");
        QTest::addRow("uniform: ln 3 = 1.099 nats = 1.585 bits")
            << QStringLiteral("[2, 2, 2]") << QStringLiteral("H = 1.099 nats = 1.585 bits");
        QTest::addRow("one logit: H = 0") << QStringLiteral("[5]") << QStringLiteral("H = 0 nats = 0 bits");
        QTest::addRow("max 0 never breaks") << QStringLiteral("[0, -1]") << QStringLiteral("never breaks");
        QTest::addRow("max < 0 underflows: -50 / -103.972 = 0.481 in float32") << QStringLiteral(
            "[-60, -50]") << QStringLiteral("for T below: float16 2.89, bfloat16 0.538, <b>float32 0.481</b>");
        QTest::addRow("NaN: no entropy, NaN at every T")
            << QStringLiteral("[1, nan]") << QStringLiteral("none (no distribution");
    }

    void entropyAndBreaksInWords()
    {
        QFETCH(QString, logits);
        QFETCH(QString, said);
        m_page->setFormat(Format::Float32);
        type(logits);
        const QString text = m_page->temperatureLabel()->text();
        QVERIFY2(text.contains(said), qPrintable(text));
    }

    // A break past an end of the slider is still drawn and labelled, at that end, with its true T:
    // 5000 / 11.0901 = 451 for float16 (past T = 100, step -265.4), 3 / 11356.5 = 0.000264 for
    // float80 (past T = 0.01, step 357.8).
    void marksPastTheSliderStandAtItsEnds_data()
    {
        QTest::addColumn<QString>("logits");
        QTest::addColumn<QString>("label");
        QTest::addColumn<double>("step");
        QTest::addColumn<bool>("leftEnd");
        QTest::addRow("float16 at 451") << QStringLiteral("[1000, 2000, 3000, 4000, 5000]")
                                        << QStringLiteral("float16: NaN for T < 451") << -265.4 << true;
        QTest::addRow("float80 at 0.000264")
            << QStringLiteral("[1, 2, 3]") << QStringLiteral("float80: NaN for T < 0.000264") << 357.8 << false;
    }

    void marksPastTheSliderStandAtItsEnds()
    {
        QFETCH(QString, logits);
        QFETCH(QString, label);
        QFETCH(double, step);
        QFETCH(bool, leftEnd);
        type(logits);
        TemperatureAxis *axis = m_page->temperatureAxis();
        int found = -1;
        for (int i = 0; i < axis->marks().size(); ++i)
            if (axis->marks()[i].label == label)
                found = i;
        QVERIFY(found >= 0);
        QVERIFY(std::fabs(axis->marks()[found].step - step) < 0.1);
        const QRect r = axis->labelRect(found);
        QVERIFY(!r.isEmpty() && axis->rect().contains(r));
        const double end = axis->xOfStep(leftEnd ? m_page->scaleSlider()->minimum() : m_page->scaleSlider()->maximum());
        // The label starts at the left end's mark, or ends at the right end's.
        QVERIFY2(leftEnd ? std::fabs(r.left() - end) < 12 : std::fabs(r.right() - end) < 12,
            qPrintable(QStringLiteral("label %1..%2, end %3").arg(r.left()).arg(r.right()).arg(end)));
    }

    void sweepNaNExactlyAboveLnMaxFloat32()
    {
        type(QStringLiteral("[1, 2, 3]"));
        m_page->waitForIdle();
        const SoftmaxSweep &s = m_page->sweep();
        QVERIFY(s.points.size() >= 40);
        // ln(FLT_MAX) = 128 ln 2 + ln(1 - 2^-24) = 88.722839111673 - 5.96e-8 = 88.72283905206835
        QVERIFY(std::fabs(formatInfo(Format::Float32).lnMax - 88.72283905206835L) < 1e-12L);
        int nanPoints = 0;
        for (const SoftmaxSweepPoint &p : s.points) {
            QCOMPARE(p.nan[0], p.maxAbsLogit > 88.72283905206835);
            QVERIFY(!p.nan[1] && !p.nan[2] && !p.nan[3]);
            nanPoints += p.nan[0];
        }
        QVERIFY(nanPoints > 10);
        // The plot shows the same: the naive graph has no finite value beyond ln max.
        QCPGraph *naive = m_page->sweepPanel()->plot()->graph(0);
        for (const QCPGraphData &d : *naive->data())
            if (d.key > 88.73)
                QVERIFY(std::isnan(d.value));
    }

    void matrixModeSumsAlongDim()
    {
        m_page->setMatrixMode(true);
        m_page->setAxis(1);
        type(QStringLiteral("[[1, 2], [3, 5]]"));
        QTableWidget *t = m_page->matrixTable();
        QCOMPARE(t->columnCount(), 3);
        QVERIFY(std::fabs(t->item(0, 2)->text().toDouble() - 1) < 2e-7); // float32 values summed exactly
        QVERIFY(std::fabs(t->item(1, 2)->text().toDouble() - 1) < 2e-7);
        // dim=1: row 0 is softmax(1,2) = (0.2689414..., 0.7310585...).
        QVERIFY(std::fabs(t->item(0, 0)->text().toDouble() - 0.2689414213699951) < 1e-7);
        m_page->setMatrixMode(false);
        m_page->waitForIdle();
    }

    void matrixModeShowsEveryMethodAndItsNaN()
    {
        m_page->setMatrixMode(true);
        m_page->setAxis(1);
        type(QStringLiteral("[[1, 2, 3], [1000, 2000, 3000]]"));
        QTableWidget *t = m_page->matrixTable();
        // Naive first: row 1 overflows (exp(1000) = inf in float32, inf/inf = NaN), row 0 does not.
        m_page->matrixMethodBox()->setCurrentIndex(static_cast<int>(SoftmaxMethod::Naive));
        QCOMPARE(t->item(1, 0)->text(), QStringLiteral("nan"));
        QVERIFY(t->item(1, 0)->background().color() != t->item(0, 0)->background().color());
        QCOMPARE(t->verticalHeaderItem(1)->text(), QStringLiteral("⚠ 1"));
        QCOMPARE(t->verticalHeaderItem(0)->text(), QStringLiteral("0"));
        QVERIFY2(m_page->summaryText().contains(QStringLiteral("NaN in rows 1")), qPrintable(m_page->summaryText()));
        // The shifted form on the same matrix: row 1 is (0, 0, 1) (e^-1000 underflows), no NaN.
        m_page->matrixMethodBox()->setCurrentIndex(static_cast<int>(SoftmaxMethod::Shifted));
        QCOMPARE(t->item(1, 2)->text(), QStringLiteral("1"));
        QCOMPARE(t->verticalHeaderItem(1)->text(), QStringLiteral("1"));
        // Online softmax, the last of the five: the same row, the max having grown twice.
        QCOMPARE(m_page->matrixMethodBox()->count(), 5);
        m_page->matrixMethodBox()->setCurrentIndex(static_cast<int>(SoftmaxMethod::Online));
        QCOMPARE(t->item(1, 0)->text(), QStringLiteral("0"));
        QCOMPARE(t->item(1, 2)->text(), QStringLiteral("1"));
        QCOMPARE(t->verticalHeaderItem(1)->text(), QStringLiteral("1"));
        m_page->matrixMethodBox()->setCurrentIndex(static_cast<int>(SoftmaxMethod::Shifted));
        // The slice selector drives the plots: row 1's naive bars are NaN marks, row 0's are bars.
        m_page->sliceBox()->setValue(1);
        QCOMPARE(m_page->nonFiniteMarks()[static_cast<int>(SoftmaxMethod::Naive)]->dataCount(), 3);
        QCOMPARE(m_page->model()->rowCount(), 3);
        QVERIFY(m_page->summaryText().startsWith(QStringLiteral("Row 1 of 2")));
        // Clicking a cell of row 0 selects row 0.
        t->setCurrentCell(0, 1);
        QCOMPARE(m_page->sliceBox()->value(), 0);
        QCOMPARE(m_page->nonFiniteMarks()[static_cast<int>(SoftmaxMethod::Naive)]->dataCount(), 0);
        m_page->setMatrixMode(false);
        m_page->waitForIdle();
    }

    void nanBarsAreMarkedWithAKey()
    {
        type(QStringLiteral("[1000, 2000, 3000]"));
        QCPGraph *naive = m_page->nonFiniteMarks()[static_cast<int>(SoftmaxMethod::Naive)];
        QCOMPARE(naive->dataCount(), 3); // every naive value is NaN: three marks instead of bars
        QVERIFY(naive->name().contains(QStringLiteral("3 NaN")));
        QVERIFY(m_page->plots().front()->plot()->legend->hasItemWithPlottable(naive));
        QCOMPARE(m_page->nonFiniteMarks()[static_cast<int>(SoftmaxMethod::Shifted)]->dataCount(), 0);
        QCOMPARE(m_page->nonFiniteMarks()[static_cast<int>(SoftmaxMethod::Online)]->dataCount(), 0);
        QVERIFY(!m_page->plots().front()->plot()->legend->hasItemWithPlottable(
            m_page->nonFiniteMarks()[static_cast<int>(SoftmaxMethod::Shifted)]));
    }

    void methodsShownBeforeReference()
    {
        type(QStringLiteral("1, 2, 3"));
        QSignalSpy methods(m_page.get(), &SoftmaxPage::methodsUpdated);
        QSignalSpy full(m_page.get(), &SoftmaxPage::resultUpdated);
        QTest::keyClicks(m_page->logitInput(), QStringLiteral("0")); // "1, 2, 30"
        // Stage one ran inside the keystroke, before any event loop turn: values are there...
        QCOMPARE(methods.count(), 1);
        QCOMPARE(full.count(), 0);
        QVERIFY(!m_page->model()->hasReference());
        QCOMPARE(cell(2, 1), QStringLiteral("30"));
        // softmax(1, 2, 30)_2 = 1 / (1 + e^-28 + e^-29) = 1 - 1.0e-12: float32 rounds it to 1.
        QCOMPARE(cell(2, SoftmaxTableModel::valueColumn(SoftmaxMethod::Shifted)), QStringLiteral("1"));
        // ...the reference and ULP columns wait for MPFR.
        QCOMPARE(cell(2, SoftmaxTableModel::referenceColumn), QStringLiteral("…"));
        QCOMPARE(cell(2, SoftmaxTableModel::valueColumn(SoftmaxMethod::Shifted) + 1), QStringLiteral("…"));
        QVERIFY(full.wait(5000));
        QVERIFY(m_page->model()->hasReference());
        QCOMPARE(cell(2, SoftmaxTableModel::referenceColumn), QStringLiteral("1"));
        m_page->waitForIdle();
    }

    void shortHeadersWithTooltips()
    {
        const int c = SoftmaxTableModel::valueColumn(SoftmaxMethod::Shifted);
        QCOMPARE(m_page->model()->headerData(c, Qt::Horizontal).toString(), QStringLiteral("shifted"));
        QVERIFY(
            m_page->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("max")));
        // Columns are sized to their contents: the header text is not cut.
        const QHeaderView *h = m_page->table()->horizontalHeader();
        QVERIFY(h->sectionSize(c) >= h->fontMetrics().horizontalAdvance(QStringLiteral("shifted")));
        // Online softmax's pair of columns comes last, its tooltip says how it works.
        const int o = SoftmaxTableModel::valueColumn(SoftmaxMethod::Online);
        QCOMPARE(o + 2, m_page->model()->columnCount());
        QCOMPARE(m_page->model()->headerData(o, Qt::Horizontal).toString(), QStringLiteral("online"));
        QVERIFY(m_page->model()
                    ->headerData(o, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("running max")));
        QCOMPARE(m_page->model()->headerData(o + 1, Qt::Horizontal).toString(), QStringLiteral("ulp"));
    }

    void timingKeystrokeThousandLogits()
    {
        QString text; // no brackets: the list syntax accepts bare numbers
        for (int i = 0; i < 999; ++i)
            text += QString::number(0.01 * i - 5, 'g', 6) + QStringLiteral(", ");
        type(text);
        for (int round = 0; round < 3; ++round) {
            QSignalSpy methods(m_page.get(), &SoftmaxPage::methodsUpdated);
            QSignalSpy full(m_page.get(), &SoftmaxPage::resultUpdated);
            QElapsedTimer timer;
            timer.start();
            QTest::keyClicks(m_page->logitInput(), QString::number(round + 7));
            QCOMPARE(methods.count(), 1);
            m_page->table()->viewport()->repaint();
            m_page->barPanel()->plot()->replot(QCustomPlot::rpImmediateRefresh);
            const double methodsMs = timer.nsecsElapsed() / 1e6;
            QVERIFY(full.wait(5000));
            m_page->table()->viewport()->repaint();
            m_page->barPanel()->plot()->replot(QCustomPlot::rpImmediateRefresh);
            const double fullMs = timer.nsecsElapsed() / 1e6;
            QCOMPARE(m_page->model()->rowCount(), 1000);
            qInfo("keystroke, 1000 logits: methods + table + bars replotted %.2f ms; MPFR reference columns filled "
                  "%.2f ms",
                methodsMs, fullMs);
            QTest::keyClick(m_page->logitInput(), Qt::Key_Backspace);
            m_page->waitForIdle();
        }
    }

private:
    std::unique_ptr<SoftmaxPage> m_page;
};

QTEST_MAIN(TstSoftmaxPage)
#include "tst_softmaxpage.moc"
