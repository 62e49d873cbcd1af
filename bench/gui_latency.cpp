// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * gui_latency: the two GUI speed targets, measured on the real widgets (offscreen).
 *  1. A keystroke in the softmax lab with 1,000 logits: stage one (methods, table, bars replotted)
 *     must finish within a 16 ms frame; stage two (the MPFR reference and ULP columns) follows.
 *  2. A 10,000-point BCE sweep with the MPFR reference at every point: under 1 s.
 * Prints median and worst of several runs; asserts nothing (timings depend on the machine).
 */
#include "common/listinput.h"
#include "models/softmaxtablemodel.h"
#include "pages/lossespage.h"
#include "pages/softmaxpage.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"
#include "softmax/softmaxreport.h"
#include "sweep/bcesweep.h"
#include "sweep/softmaxsweep.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTextCursor>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

using namespace logitlab;
using namespace logitlab::ui;

namespace {

struct Stats {
    double median, worst;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.back()};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("logitlab-gui-latency"));
    std::printf("hardware threads: %u\n", std::thread::hardware_concurrency());

    // 1. Keystroke latency, 1,000 logits.
    SoftmaxPage page;
    page.resize(1366, 900);
    page.show();
    page.restoreSettings();
    QString text;
    for (int i = 0; i < 999; ++i)
        text += QString::number(0.01 * i - 5, 'g', 6) + QStringLiteral(", ");
    page.logitInput()->setPlainText(text + QStringLiteral("1"));
    page.logitInput()->moveCursor(QTextCursor::End); // keystrokes edit the last logit: "1" <-> "15"
    page.waitForIdle();
    std::vector<double> methodsMs, referenceMs;
    for (int k = 0; k < 15; ++k) {
        QSignalSpy full(&page, &SoftmaxPage::resultUpdated);
        QElapsedTimer t;
        t.start();
        QTest::keyClick(page.logitInput(), k % 2 ? Qt::Key_Backspace : Qt::Key_5);
        page.table()->viewport()->repaint();
        page.barPanel()->plot()->replot(QCustomPlot::rpImmediateRefresh);
        methodsMs.push_back(t.nsecsElapsed() / 1e6);
        const bool arrived = full.count() > 0 || full.wait(5000);
        if (!arrived)
            std::printf("  round %d: no reference within 5 s\n", k);
        page.table()->viewport()->repaint();
        page.barPanel()->plot()->replot(QCustomPlot::rpImmediateRefresh);
        referenceMs.push_back(t.nsecsElapsed() / 1e6);
        page.waitForIdle(); // let the background error sweep finish before the next keystroke
    }
    std::vector<long double> z(1000);
    for (std::size_t i = 0; i < z.size(); ++i)
        z[i] = static_cast<float>(0.01 * static_cast<double>(i) - 5);
    std::vector<std::string> tokens;
    for (int i = 0; i < 1000; ++i)
        tokens.push_back(QString::number(0.01 * i - 5, 'g', 6).toStdString());
    std::vector<double> methodsOnly, reportOnly, parseOnly;
    for (int k = 0; k < 15; ++k) {
        QElapsedTimer t;
        t.start();
        const auto parsed = scaledLogits(tokens, "1", Format::Float32);
        parseOnly.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        const auto m = computeSoftmaxMethods(z, Format::Float32);
        methodsOnly.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        const SoftmaxReport r = computeSoftmaxReport(z, Format::Float32);
        reportOnly.push_back(t.nsecsElapsed() / 1e6);
    }
    const Stats a = stats(methodsMs), b = stats(referenceMs), c = stats(methodsOnly), d = stats(reportOnly),
                p = stats(parseOnly);
    std::printf("keystroke, 1000 logits, stage 1 (methods + table + bars replotted): median %.2f ms, worst %.2f ms"
                " (target 16 ms)\n",
        a.median, a.worst);
    std::printf("keystroke, 1000 logits, stage 2 (MPFR reference + ULP columns shown): median %.2f ms, worst %.2f ms\n",
        b.median, b.worst);
    std::printf("  parts: scaledLogits (decimal -> format) %.3f ms; computeSoftmaxMethods %.3f ms; "
                "computeSoftmaxReport (MPFR) %.2f ms\n",
        p.median, c.median, d.median);

    // 2. 10,000-point BCE sweep.
    std::vector<double> sweepMs;
    for (int k = 0; k < 5; ++k) {
        QElapsedTimer t;
        t.start();
        const BceSweep s = computeBceSweep(-1000, 1000, 10000, 1, Format::Float32, [] { return false; });
        sweepMs.push_back(t.nsecsElapsed() / 1e6);
    }
    const Stats e = stats(sweepMs);
    std::printf("BCE sweep, 10000 points with MPFR reference (computeBceSweep, all cores): median %.1f ms, worst %.1f"
                " ms (target 1000 ms)\n",
        e.median, e.worst);
    LossesPage losses;
    losses.resize(1366, 900);
    losses.show();
    {
        QSignalSpy spy(&losses, &LossesPage::sweepUpdated);
        losses.restoreSettings();
        spy.wait(30000);
    }
    QSignalSpy spy(&losses, &LossesPage::sweepUpdated);
    QElapsedTimer t;
    t.start();
    losses.pointsBox()->setValue(10000);
    spy.wait(30000);
    for (PlotPanel *p : losses.plots())
        p->plot()->replot(QCustomPlot::rpImmediateRefresh);
    std::printf(
        "BCE sweep, 10000 points, in the losses lab (compute + 3 plots replotted): %.1f ms\n", t.nsecsElapsed() / 1e6);
    return 0;
}
