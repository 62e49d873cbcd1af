// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The Losses lab: the BCE sweep's plateaus and inf regions, and the cross-entropy table. */
#include "common/listinput.h"
#include "pages/lossespage.h"
#include "plots/plotgroup.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace logitlab;
using namespace logitlab::ui;

/** \brief GUI tests of LossesPage. */
class TstLossesPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("logitlab-tst-lossespage"));
        m_page = std::make_unique<LossesPage>();
        m_page->show();
        QSignalSpy spy(m_page.get(), &LossesPage::sweepUpdated);
        m_page->restoreSettings();
        QVERIFY(spy.wait(10000));
    }

    void bcePlateausFloat32()
    {
        const BceSweep &s = m_page->sweep(); // default: z in [-1000, 1000], y = 1, float32
        QCOMPARE(s.z.front(), -1000.0);
        QCOMPARE(s.z.back(), 1000.0);
        const auto naive = static_cast<std::size_t>(BceMethod::Naive);
        const auto clipped = static_cast<std::size_t>(BceMethod::Clipped);
        const auto fromLogits = static_cast<std::size_t>(BceMethod::FromLogits);
        // y = 1, z = -1000: sigmoid underflows to 0; naive -log(0) = inf; Keras clips to 1e-7:
        // -log(float32(1e-7)) = 16.11809565... (float32 1e-7 = 1.00000001168609742e-7).
        QVERIFY(std::isinf(s.loss[naive].front()));
        QVERIFY(std::fabs(s.loss[clipped].front() - 16.118095) < 1e-5);
        QCOMPARE(s.referenceLoss.front(), 1000.0);
        for (std::size_t i = 0; i < s.z.size(); ++i)
            QVERIFY2(s.relativeError[fromLogits][i] < 1e-6 || s.referenceLoss[i] < 1.2e-38,
                qPrintable(QString::number(s.z[i])));
    }

    void labelZeroPlateau()
    {
        QSignalSpy spy(m_page.get(), &LossesPage::sweepUpdated);
        m_page->yBox()->setCurrentText(QStringLiteral("0"));
        QVERIFY(spy.wait(10000));
        const BceSweep &s = m_page->sweep();
        // y = 0, z = 1000: s rounds to 1, clipped to 1 - 1e-7 (float32 0.99999988), -log(1.19209290e-7) = 15.942385.
        QVERIFY(std::fabs(s.loss[static_cast<std::size_t>(BceMethod::Clipped)].back() - 15.942385) < 1e-5);
    }

    void clippedGradientZerosShownAsZero()
    {
        m_page->logitInput()->setPlainText(QStringLiteral("[2.0, 1.0, 0.1, -50]"));
        m_page->labelBox()->setValue(3);
        // Keras clips p_3 = e^-52.x / sum (about 2e-23) up to 1e-7: the clip's gradient is 0 for
        // every logit, computed as -1 * 0 = -0 for the first three. The table shows plain zeros.
        QTableWidgetItem *g = m_page->ceTable()->item(static_cast<int>(CrossEntropyMethod::Clipped), 2);
        QCOMPARE(g->text(), QStringLiteral("[0, 0, 0, 0]"));
        QVERIFY(g->toolTip().contains(QStringLiteral("−0")));
    }

    void bcePlotsTabbedWhenNarrow()
    {
        m_page->resize(1366, 700);
        QCoreApplication::processEvents();
        QVERIFY(m_page->bcePlots()->isTabbed());
        m_page->resize(1900, 1000);
        QCoreApplication::processEvents();
        QVERIFY(!m_page->bcePlots()->isTabbed());
        QVERIFY(m_page->lossPanel()->isVisible() && m_page->gradientPanel()->isVisible());
    }

    void crossEntropyTable()
    {
        QSignalSpy spy(m_page.get(), &LossesPage::crossEntropyUpdated);
        m_page->logitInput()->clear();
        QTest::keyClicks(m_page->logitInput(), QStringLiteral("[0, 0]"));
        m_page->labelBox()->setValue(1);
        QVERIFY(spy.count() > 0);
        // L = log 2 = 0.693147180559945... in float32: 0.6931472.
        QCOMPARE(m_page->ceTable()->item(4, 0)->text(), QStringLiteral("0.6931472"));
        QCOMPARE(m_page->ceTable()->item(3, 0)->text(), QStringLiteral("0.6931472"));
        QTest::keyClicks(m_page->logitInput(), QStringLiteral("x"));
        QVERIFY(m_page->logitInput()->hasError());
        QCOMPARE(m_page->ceTable()->item(4, 0)->text(), QStringLiteral("0.6931472"));
    }

    void timingTenThousandPointSweep()
    {
        m_page->yBox()->setCurrentText(QStringLiteral("1"));
        QSignalSpy spy(m_page.get(), &LossesPage::sweepUpdated);
        QElapsedTimer timer;
        timer.start();
        m_page->pointsBox()->setValue(10000);
        QVERIFY(spy.wait(30000));
        qInfo("10,000-point BCE sweep with the MPFR reference per point: %lld ms", timer.elapsed());
        QCOMPARE(m_page->sweep().z.size(), std::size_t(10000));
    }

    // Keras's clip on the loss plot, labelled with the value of the format: y = 1 plateaus at
    // -log(float32(1e-7)) = 16.118095 on the left, y = 0 at -log(2^-23) = 23 ln 2 = 15.942385 on
    // the right, y = 0.25 at 0.25 * 16.118 = 4.0295 and 0.75 * 15.942 = 11.957 (each plus a 1.2e-7 term).
    void plateauLabels_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("plateaus");
        QTest::addRow("y = 1: 16.118") << QStringLiteral("1") << QStringList {QStringLiteral("16.118")};
        QTest::addRow("y = 0: 15.94") << QStringLiteral("0") << QStringList {QStringLiteral("15.94")};
        QTest::addRow("y = 0.25: both ends")
            << QStringLiteral("0.25") << QStringList {QStringLiteral("4.029"), QStringLiteral("11.95")};
    }

    void plateauLabels()
    {
        QFETCH(QString, label);
        QFETCH(QStringList, plateaus);
        QSignalSpy spy(m_page.get(), &LossesPage::sweepUpdated);
        m_page->pointsBox()->setValue(2001);
        typeLabel(label);
        while (spy.wait(10000) && m_page->yBox()->currentText() != label) { }
        QCOMPARE(m_page->sweep().z.size(), std::size_t(2001));
        const QStringList texts = itemTexts(m_page->lossPanel(), QStringLiteral("Keras clip plateau"));
        QCOMPARE(texts.size(), plateaus.size());
        for (const QString &p : plateaus)
            QVERIFY2(texts.filter(p).size() == 1, qPrintable(texts.join(QStringLiteral(" | "))));
    }

    // y = 1 in float32 over the integer z of [-1000, 1000]: the naive sigmoid is 0 once exp(-z)
    // overflows (z <= -89, ln(max) = 88.72): loss -log(0) = inf, 912 points; it is 1 once
    // 1 + e^-z rounds to 1 (e^-z <= 2^-24, z >= 17): loss 0 * log(0) = NaN, 984 points. The
    // relative error of either is inf (ulperror.h: non-finite against a finite exact value);
    // the gradient is NaN on both runs (1/0 * 0 on the left, 0/0 on the right).
    void nonFiniteMarks()
    {
        typeLabel(QStringLiteral("1"));
        QSignalSpy spy(m_page.get(), &LossesPage::sweepUpdated);
        QVERIFY(spy.wait(10000) || m_page->sweep().label == 1);
        const QString naive = bceMethodName(BceMethod::Naive);
        QCPGraph *inf = markGraph(m_page->errorPanel(), naive + QStringLiteral(": inf"));
        QCPGraph *nan = markGraph(m_page->gradientPanel(), naive + QStringLiteral(": NaN"));
        QVERIFY(inf && nan);
        for (QCPGraph *g : {inf, nan}) {
            QCOMPARE(g->data()->size(), 912 + 984);
            QCOMPARE(g->data()->begin()->key, -1000.0);
            QCOMPARE((g->data()->begin() + 911)->key, -89.0);
            QCOMPARE((g->data()->begin() + 912)->key, 17.0);
            QVERIFY(g->parentPlot()->legend->hasItemWithPlottable(g));
        }
        QCustomPlot *plot = m_page->errorPanel()->plot();
        // The marks stay on their lane near the top after the view is fitted again.
        m_page->errorPanel()->resetView();
        QCOMPARE(plot->yAxis2->range().lower, 0.0);
        QCOMPARE(plot->yAxis2->range().upper, 1.0);
        QVERIFY(inf->data()->begin()->value > 0.7);
        // from_logits has no NaN or inf: no marks, no legend entry.
        QCPGraph *none
            = markGraph(m_page->errorPanel(), bceMethodName(BceMethod::FromLogits) + QStringLiteral(": NaN"));
        QVERIFY(none && none->data()->isEmpty() && !plot->legend->hasItemWithPlottable(none));
        // The naive loss's runs are shaded and named on the loss plot instead of marked.
        QVERIFY(markGraph(m_page->lossPanel(), naive + QStringLiteral(": inf"))->data()->isEmpty());
        QCOMPARE(itemTexts(m_page->lossPanel(), QStringLiteral("naive = inf")).size(), 1);
    }

    // y = 1: the exact loss log1p(e^-z) ~ e^-z rounds to 0 in float32 once it is below half of
    // 2^-149, e^-z < 2^-150, z > 150 ln 2 = 103.97: from z = 104, where it is e^-104 = 6.81e-46.
    void underflowExplained()
    {
        QCOMPARE(m_page->sweep().label, 1.0L);
        QVERIFY(m_page->underflowNote()->isVisibleTo(m_page.get()));
        const QString note = m_page->underflowNote()->text();
        QVERIFY2(note.contains(QStringLiteral("104 to 1000")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("6.81e-46")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("smallest float32 subnormal 1.4e-45")), qPrintable(note));
        const auto i = static_cast<std::size_t>(1000 + 104);
        QCOMPARE(m_page->sweep().relativeError[static_cast<std::size_t>(BceMethod::FromLogits)][i], 1.0);
        QCOMPARE(itemTexts(m_page->errorPanel(), QStringLiteral("exact loss rounds to 0")).size(), 1);
    }

    // [0, 1000] with k = 1: the exact loss log(1 + e^-1000) = 5.08e-435 rounds to 0 in float32.
    // [2, 1, 0.1, -50], k = 3: Keras's 16.118095 is (52.41703 - 16.118095) / 2^-18 = 9.52e6 ulps off.
    void crossEntropyNotes()
    {
        QSignalSpy spy(m_page.get(), &LossesPage::crossEntropyUpdated);
        m_page->logitInput()->selectAll();
        QTest::keyClicks(m_page->logitInput(), QStringLiteral("[2, 1, 0.1, -50]"));
        m_page->labelBox()->selectAll();
        QTest::keyClicks(m_page->labelBox(), QStringLiteral("3"));
        QCOMPARE(m_page->ceTable()->item(static_cast<int>(CrossEntropyMethod::Clipped), 1)->text(),
            QStringLiteral("9.52e+06"));
        QVERIFY(m_page->ceTable()
                    ->item(static_cast<int>(CrossEntropyMethod::Clipped), 3)
                    ->text()
                    .contains(QStringLiteral("16.118095")));
        m_page->labelBox()->selectAll();
        QTest::keyClicks(m_page->labelBox(), QStringLiteral("1"));
        m_page->logitInput()->selectAll();
        QTest::keyClicks(m_page->logitInput(), QStringLiteral("[0, 1000]"));
        QVERIFY(spy.count() > 0);
        const QString note = m_page->ceTable()->item(4, 3)->text();
        QVERIFY2(
            note.contains(QStringLiteral("5.08e-435")) && note.contains(QStringLiteral("best float32 can store is 0")),
            qPrintable(note));
        QCOMPARE(m_page->ceTable()->item(4, 0)->text(), QStringLiteral("0"));
    }

private:
    /** Replaces the label y as a person does: select all in the editable combo, type. */
    void typeLabel(const QString &y)
    {
        m_page->yBox()->lineEdit()->selectAll();
        QTest::keyClicks(m_page->yBox()->lineEdit(), y);
    }

    /** The texts of the visible QCPItemText items on \a panel's plot that contain \a part. */
    static QStringList itemTexts(PlotPanel *panel, const QString &part)
    {
        QStringList out;
        for (int i = 0; i < panel->plot()->itemCount(); ++i)
            if (auto *t = qobject_cast<QCPItemText *>(panel->plot()->item(i));
                t && t->visible() && t->text().contains(part))
                out << t->text();
        return out;
    }

    /** The graph named \a name on \a panel's plot. */
    static QCPGraph *markGraph(PlotPanel *panel, const QString &name)
    {
        for (int i = 0; i < panel->plot()->graphCount(); ++i)
            if (panel->plot()->graph(i)->name() == name)
                return panel->plot()->graph(i);
        return nullptr;
    }

    std::unique_ptr<LossesPage> m_page;
};

QTEST_MAIN(TstLossesPage)
#include "tst_lossespage.moc"
