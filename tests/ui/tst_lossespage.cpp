/** \file The Losses lab: the BCE sweep's plateaus and inf regions, and the cross-entropy table. */
#include "common/listinput.h"
#include "pages/lossespage.h"
#include "plots/plotgroup.h"
#include "plots/plotpanel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
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
            QVERIFY2(s.relativeError[fromLogits][i] < 1e-6 || s.referenceLoss[i] < 1.2e-38, qPrintable(QString::number(s.z[i])));
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

private:
    std::unique_ptr<LossesPage> m_page;
};

QTEST_MAIN(TstLossesPage)
#include "tst_lossespage.moc"
