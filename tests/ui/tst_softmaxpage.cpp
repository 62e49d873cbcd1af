// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The Softmax lab driven through its widgets: typing, formats, slider, errors, sweep. */
#include "common/listinput.h"
#include "models/softmaxtablemodel.h"
#include "pages/softmaxpage.h"
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
