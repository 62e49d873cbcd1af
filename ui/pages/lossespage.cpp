// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/lossespage.h"

#include "common/listinput.h"
#include "common/uitext.h"
#include "pages/formulapanel.h"
#include "plots/plotgroup.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"
#include "precision/mpfrutil.h"
#include "settings/settings.h"
#include "text/numberlist.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace logitlab::ui {

QString crossEntropyMethodName(CrossEntropyMethod m)
{
    switch (m) {
    case CrossEntropyMethod::Naive: return LossesPage::tr("naive −log(naive softmax)");
    case CrossEntropyMethod::Probabilities: return LossesPage::tr("−log(shifted softmax)");
    case CrossEntropyMethod::Clipped: return LossesPage::tr("Keras clipped");
    case CrossEntropyMethod::FromLogits: return LossesPage::tr("from_logits (log-sum-exp)");
    }
    return {};
}

QString bceMethodName(BceMethod m)
{
    switch (m) {
    case BceMethod::Naive: return LossesPage::tr("naive sigmoid + log");
    case BceMethod::Clipped: return LossesPage::tr("Keras clipped");
    case BceMethod::FromLogits: return LossesPage::tr("from_logits");
    }
    return {};
}

namespace {
double finiteOrNaN(double v)
{
    return std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
}

/** \brief What a non-finite mark stands for: its index among a method's three mark graphs. */
enum MarkKind { MarkNaN, MarkPlusInf, MarkMinusInf, markKinds };

/**
 * Three scatter graphs per BCE method (NaN, +inf, -inf) on the hidden right axis, held at [0, 1]
 * so that each method's marks stay on one lane near the top however the data axis scales or
 * zooms. They enter the legend only when they have marks.
 */
QList<QCPGraph *> addMarkGraphs(QCustomPlot *p)
{
    QCPAxis *lanes = p->yAxis2;
    lanes->setRange(0, 1);
    QObject::connect(lanes, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), lanes, [lanes](const QCPRange &r) {
        if (r.lower != 0 || r.upper != 1)
            lanes->setRange(0, 1);
    });
    QList<QCPGraph *> marks;
    for (BceMethod m : allBceMethods) {
        const auto index = static_cast<int>(m);
        const QString name = bceMethodName(m);
        const QString names[markKinds] = {LossesPage::tr("%1: NaN").arg(name), LossesPage::tr("%1: inf").arg(name),
            LossesPage::tr("%1: −inf").arg(name)};
        const QCPScatterStyle::ScatterShape shapes[markKinds]
            = {QCPScatterStyle::ssCross, QCPScatterStyle::ssTriangle, QCPScatterStyle::ssTriangleInverted};
        for (int k = 0; k < markKinds; ++k) {
            QCPGraph *g = p->addGraph(p->xAxis, lanes);
            g->setName(names[k]);
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(shapes[k], QPen(seriesColor(index), 2), Qt::NoBrush, 9));
            g->removeFromLegend();
            marks.append(g);
        }
    }
    return marks;
}

/** Why a loss of 0 is the best \a f can do for the exact loss \a exact (> 0, rounding to 0). */
QString underflowText(const mpfr::mpreal &exact, Format f)
{
    return LossesPage::tr("the exact loss %1 is closer to 0 than to the smallest %2 subnormal %3, so the best %2 can "
                          "store is 0")
        .arg(tidyDigits(exact.toString(3)), formatText(f),
            tidyDigits(mpfr::mpreal(formatInfo(f).minSubnormal).toString(3)));
}
} // namespace

LossesPage::LossesPage(QWidget *parent)
    : LabPage(parent),
      m_job(
          this, [this](const BceSweep &s) { applySweep(s); }, [this](int p) { Q_EMIT progressChanged(p); }, sweepPool())
{
    QWidget *content = makeScrollingContent(820); // on a 768 px laptop the page scrolls rather than flatten the plots
    auto *layout = new QVBoxLayout(content);

    layout->addWidget(new FormulaPanel(
        tr("<b>Cross-entropy L = −log softmax(z)<sub>k</sub> = logsumexp(z) − z<sub>k</sub></b>. Taking the log of "
           "a probability that underflowed to 0 gives inf; Keras clips p to [1e-7, 1 − 1e-7], so the loss "
           "plateaus at 16.118 (15.94 for y = 0 in float32) with a zero gradient. <b>from_logits</b> never forms "
           "p: BCE = max(z, 0) − z·y + log1p(exp(−|z|)) has no overflow and no cancellation."),
        content));

    // Categorical cross-entropy: as tall as its five rows; the BCE plots get the rest.
    auto *ceBox = new QGroupBox(tr("Sparse categorical cross-entropy"), content);
    auto *ceLayout = new QGridLayout(ceBox);
    ceLayout->addWidget(new QLabel(tr("Logits:")), 0, 0);
    m_input = new ListInput(1, ceBox);
    m_input->setObjectName(QStringLiteral("lossLogitInput"));
    ceLayout->addWidget(m_input, 0, 1);
    ceLayout->addWidget(new QLabel(tr("True class k:")), 0, 2);
    m_label = new QSpinBox(ceBox);
    m_label->setRange(0, LossLab::maxLabel);
    ceLayout->addWidget(m_label, 0, 3);
    m_message = new QLabel(ceBox);
    m_message->setWordWrap(true);
    ceLayout->addWidget(m_message, 1, 0, 1, 4);
    showPasteRefusals(m_input, m_message);
    m_ceTable = new QTableWidget(5, 4, ceBox);
    m_ceTable->setHorizontalHeaderLabels({tr("loss"), tr("error (ULP)"), tr("dL/dz"), tr("note")});
    m_ceTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ceTable->horizontalHeader()->setStretchLastSection(true);
    QStringList methodNames;
    for (CrossEntropyMethod m : allCrossEntropyMethods)
        methodNames << crossEntropyMethodName(m);
    methodNames << tr("reference (MPFR)");
    m_ceTable->setVerticalHeaderLabels(methodNames);
    m_ceTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ceTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_ceTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_ceTable->horizontalHeaderItem(1)->setToolTip(tr("|loss − exact| in units in the last place of the format"));
    m_ceTable->horizontalHeaderItem(2)->setToolTip(
        tr("The gradient with respect to each logit: softmax(z) − onehot(k)"));
    ceLayout->addWidget(m_ceTable, 2, 0, 1, 4);
    ceLayout->setColumnStretch(1, 1);
    layout->addWidget(ceBox, 0);

    // Binary cross-entropy sweep.
    auto *bceBox = new QGroupBox(tr("Binary cross-entropy over a sweep of the logit z"), content);
    auto *bceLayout = new QVBoxLayout(bceBox);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("z from")));
    m_from = new QLineEdit(bceBox);
    m_from->setMaximumWidth(110);
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("to")));
    m_to = new QLineEdit(bceBox);
    m_to->setMaximumWidth(110);
    controls->addWidget(m_to);
    controls->addWidget(new QLabel(tr("points")));
    m_points = new QSpinBox(bceBox);
    m_points->setRange(BceSweepInput::minPoints, BceSweepInput::maxPoints);
    controls->addWidget(m_points);
    controls->addWidget(new QLabel(tr("label y")));
    m_y = new QComboBox(bceBox);
    m_y->setEditable(true);
    m_y->addItems({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("0.25")});
    m_y->setToolTip(tr("y = 0, y = 1, or any value in [0, 1] (type it)"));
    controls->addWidget(m_y);
    m_sweepMessage = new QLabel(bceBox);
    m_sweepMessage->setWordWrap(true); // a long message wraps instead of widening the page
    controls->addWidget(m_sweepMessage, 1);
    bceLayout->addLayout(controls);
    // Side by side from 1500 px (a projector); one tab per plot on a 1366 px laptop.
    m_bcePlots = new PlotGroup(1500, bceBox);
    m_lossPanel = new PlotPanel(tr("Loss vs z"));
    m_errorPanel = new PlotPanel(tr("Relative error vs z"));
    m_gradientPanel = new PlotPanel(tr("Gradient dL/dz vs z"));
    m_bcePlots->addPanel(m_lossPanel, tr("Loss"));
    m_bcePlots->addPanel(m_errorPanel, tr("Relative error"));
    m_bcePlots->addPanel(m_gradientPanel, tr("Gradient"));
    m_bcePlots->setMinimumHeight(320);
    bceLayout->addWidget(m_bcePlots, 1);
    m_underflowNote = new QLabel(bceBox);
    m_underflowNote->setWordWrap(true);
    m_underflowNote->hide();
    bceLayout->addWidget(m_underflowNote);
    layout->addWidget(bceBox, 1);

    const auto addGraphs = [](PlotPanel *panel, QList<QCPGraph *> &graphs, bool withReference) {
        QCustomPlot *p = panel->plot();
        for (BceMethod m : allBceMethods) {
            QCPGraph *g = p->addGraph();
            g->setName(bceMethodName(m));
            g->setPen(QPen(seriesColor(static_cast<int>(m)), m == BceMethod::FromLogits ? 2.5 : 2));
            graphs.append(g);
        }
        if (withReference) {
            QCPGraph *g = p->addGraph();
            g->setName(tr("reference (MPFR)"));
            g->setPen(QPen(QColor(0x30, 0x30, 0x30), 1.5, Qt::DashLine));
            graphs.append(g);
        }
        p->xAxis->setLabel(tr("logit z"));
    };
    addGraphs(m_lossPanel, m_lossGraphs, true);
    addGraphs(m_errorPanel, m_errorGraphs, false);
    addGraphs(m_gradientPanel, m_gradientGraphs, true);
    m_lossPanel->plot()->yAxis->setLabel(tr("loss"));
    m_gradientPanel->plot()->yAxis->setLabel(tr("dL/dz"));
    QCustomPlot *ep = m_errorPanel->plot();
    ep->yAxis->setScaleType(QCPAxis::stLogarithmic);
    ep->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    ep->yAxis->setLabel(tr("relative error"));
    ep->setToolTip(tr("|loss − exact| / exact; an error of 0 is drawn at 1e-20 (a log scale has no 0)."));
    m_lossMarks = addMarkGraphs(m_lossPanel->plot());
    m_errorMarks = addMarkGraphs(m_errorPanel->plot());
    m_gradientMarks = addMarkGraphs(m_gradientPanel->plot());
    for (PlotPanel *p : {m_lossPanel, m_errorPanel, m_gradientPanel})
        p->setLegendBelow(2);

    connect(m_input, &QPlainTextEdit::textChanged, this, &LossesPage::recomputeCrossEntropy);
    connect(m_label, &QSpinBox::valueChanged, this, &LossesPage::recomputeCrossEntropy);
    connect(m_from, &QLineEdit::editingFinished, this, &LossesPage::recomputeSweep);
    connect(m_to, &QLineEdit::editingFinished, this, &LossesPage::recomputeSweep);
    connect(m_points, &QSpinBox::valueChanged, this, &LossesPage::recomputeSweep);
    connect(m_y, &QComboBox::currentTextChanged, this, &LossesPage::recomputeSweep);
    m_restoring = true; // the defaults on screen; restoreSettings() or setLab() computes
    setLab(LossLab {});
    m_restoring = false;
}

LossesPage::~LossesPage() = default;

QList<QWidget *> LossesPage::resultViews() const
{
    return {m_ceTable};
}

QList<PlotPanel *> LossesPage::plots() const
{
    return {m_lossPanel, m_errorPanel, m_gradientPanel};
}

bool LossesPage::isBusy() const
{
    return m_job.isRunning();
}

void LossesPage::setFormat(Format f)
{
    // Losses and gradients are values of the format (errors are not): the readout shows its digits.
    m_lossPanel->setValueFormat(f);
    m_gradientPanel->setValueFormat(f);
    if (f == m_format)
        return;
    m_format = f;
    recomputeCrossEntropy();
    recomputeSweep();
}

void LossesPage::recomputeCrossEntropy()
{
    if (m_restoring)
        return;
    const std::string text = m_input->toPlainText().toStdString();
    auto parsed = parseNumberList(text);
    if (const auto *e = std::get_if<ListError>(&parsed)) {
        const QString msg = listErrorMessage(*e, text);
        const int a = utf16Index(text, e->position);
        m_input->setError(a, utf16Index(text, e->position + e->length) - a, msg);
        m_message->setText(QStringLiteral("<span style='color:#b00000'>%1</span>").arg(msg.toHtmlEscaped()));
        return;
    }
    const auto &tokens = std::get<0>(parsed);
    if (static_cast<std::size_t>(m_label->value()) >= tokens.size()) {
        m_input->clearError();
        m_message->setText(QStringLiteral("<span style='color:#b00000'>%1</span>")
                               .arg(tr("The true class k must be below the number of logits (%1).")
                                        .arg(tokens.size())
                                        .toHtmlEscaped()));
        return;
    }
    m_input->clearError();
    m_message->clear();
    std::vector<long double> z;
    for (const NumberToken &t : tokens)
        z.push_back(*decimalToFormat(t.text, m_format));
    // One sample: a single reference, well under a millisecond for classroom sizes.
    const CrossEntropyReport r = computeCrossEntropyReport(z, static_cast<std::size_t>(m_label->value()), m_format);
    // A zero gradient is shown as 0 even when it is stored as -0 (from -1 * 0): here the sign
    // of zero changes nothing, and the tooltip says so.
    const auto hasNegativeZero = [](const std::vector<long double> &g) {
        return std::any_of(g.begin(), g.end(), [](long double v) { return v == 0 && std::signbit(v); });
    };
    const auto gradientText = [this](const std::vector<long double> &g) {
        QStringList parts;
        for (std::size_t i = 0; i < g.size() && i < 8; ++i)
            parts << unsignedZeroText(g[i], m_format);
        if (g.size() > 8)
            parts << QStringLiteral("…");
        return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
    };
    for (std::size_t m = 0; m < r.methods.size(); ++m) {
        const LossMethodResult &res = r.methods[m];
        const int row = static_cast<int>(m);
        auto *loss = new QTableWidgetItem(numberText(res.loss, m_format));
        auto *err = new QTableWidgetItem(ulpErrorText(res.ulpError));
        auto *grad = new QTableWidgetItem(gradientText(res.gradient));
        if (hasNegativeZero(res.gradient))
            grad->setToolTip(tr("Some zeros here are stored as −0 (a negative number times 0). IEEE 754 keeps "
                                "the sign of zero, but −0 = 0 and a gradient step treats them alike."));
        QString note;
        if (std::isnan(res.loss))
            note = tr("NaN: exp overflowed (inf/inf) before the log");
        else if (std::isinf(res.loss))
            note = tr("inf: p_k underflowed to 0 and log(0) = −inf");
        else if (allCrossEntropyMethods[m] == CrossEntropyMethod::Clipped && res.ulpError > 2)
            note = tr("clipped at −log(1e-7) = %1: gradient 0").arg(numberText(res.loss, m_format));
        if (!note.isEmpty()) {
            loss->setBackground(std::isnan(res.loss) ? QColor(0xf4, 0xb6, 0xb6) : QColor(0xfa, 0xee, 0x9a));
            loss->setToolTip(note);
        }
        m_ceTable->setItem(row, 0, loss);
        m_ceTable->setItem(row, 1, err);
        m_ceTable->setItem(row, 2, grad);
        m_ceTable->setItem(row, 3, new QTableWidgetItem(note));
    }
    std::vector<long double> refGrad;
    for (const mpfr::mpreal &g : r.referenceGradient)
        refGrad.push_back(roundToFormat(g, m_format));
    m_ceTable->setItem(4, 0, new QTableWidgetItem(numberText(r.referenceRounded, m_format)));
    m_ceTable->item(4, 0)->setToolTip(tr("Exact: %1").arg(QString::fromStdString(r.reference.toString(30))));
    m_ceTable->setItem(4, 1, new QTableWidgetItem(QStringLiteral("0")));
    m_ceTable->setItem(4, 2, new QTableWidgetItem(gradientText(refGrad)));
    // The exact loss can lie closer to 0 than to the smallest subnormal ([0, 1000], k = 1:
    // e^-1000): then 0 is the best the format can store, and it is 100% off.
    const bool underflows = r.referenceRounded == 0 && r.reference > 0;
    m_ceTable->setItem(4, 3,
        new QTableWidgetItem(underflows ? tr("relative error 1: %1").arg(underflowText(r.reference, m_format))
                                        : tr("exact, correctly rounded to %1").arg(formatText(m_format))));
    m_ceTable->resizeColumnsToContents();
    Q_EMIT statusMessage(
        tr("Cross-entropy of %1 (true class %2) in %3: from_logits %4, reference %5")
            .arg(logitCountText(static_cast<qsizetype>(z.size())))
            .arg(m_label->value())
            .arg(formatText(m_format),
                numberText(r.methods[static_cast<std::size_t>(CrossEntropyMethod::FromLogits)].loss, m_format),
                numberText(r.referenceRounded, m_format)));
    Q_EMIT crossEntropyUpdated();
}

void LossesPage::recomputeSweep()
{
    if (m_restoring)
        return;
    bool okFrom = false, okTo = false;
    const double from = m_from->text().toDouble(&okFrom);
    const double to = m_to->text().toDouble(&okTo);
    const std::optional<long double> y = decimalToFormat(m_y->currentText().trimmed().toStdString(), m_format);
    if (!okFrom || !okTo || !(from < to) || !std::isfinite(from) || !std::isfinite(to)) {
        m_sweepMessage->setText(
            QStringLiteral("<span style='color:#b00000'>%1</span>").arg(tr("Give a finite range with from < to.")));
        return;
    }
    if (!y || !(*y >= 0 && *y <= 1)) {
        m_sweepMessage->setText(
            QStringLiteral("<span style='color:#b00000'>%1</span>").arg(tr("The label y must be a number in [0, 1].")));
        return;
    }
    m_sweepMessage->setText(tr("computing…"));
    const int points = m_points->value();
    const Format f = m_format;
    const long double label = *y;
    Q_EMIT progressChanged(0);
    m_sweepStarted = QDateTime::currentMSecsSinceEpoch();
    m_job.start([from, to, points, label, f](QPromise<BceSweep> &promise) {
        promise.setProgressRange(0, 100);
        BceSweep s = computeBceSweep(
            from, to, points, label, f, [&promise] { return promise.isCanceled(); },
            [&promise](int done, int total) { promise.setProgressValue(100 * done / total); });
        if (!promise.isCanceled())
            promise.addResult(std::move(s));
    });
}

void LossesPage::applySweep(const BceSweep &s)
{
    m_sweep = s;
    const auto n = static_cast<qsizetype>(s.z.size());
    QVector<double> x(s.z.begin(), s.z.end());
    m_lossPanel->clearAnnotations();
    m_errorPanel->clearAnnotations();
    for (int m = 0; m < 3; ++m) {
        QVector<double> loss(n), err(n), grad(n);
        for (qsizetype i = 0; i < n; ++i) {
            loss[i] = finiteOrNaN(s.loss[m][static_cast<std::size_t>(i)]);
            const double e = s.relativeError[m][static_cast<std::size_t>(i)];
            err[i] = std::isfinite(e) ? std::max(e, 1e-20) : std::numeric_limits<double>::quiet_NaN();
            grad[i] = finiteOrNaN(s.gradient[m][static_cast<std::size_t>(i)]);
        }
        m_lossGraphs[m]->setData(x, loss, true);
        m_errorGraphs[m]->setData(x, err, true);
        m_gradientGraphs[m]->setData(x, grad, true);
    }
    m_lossGraphs[3]->setData(x, QVector<double>(s.referenceLoss.begin(), s.referenceLoss.end()), true);
    m_gradientGraphs[3]->setData(x, QVector<double>(s.referenceGradient.begin(), s.referenceGradient.end()), true);

    // Shade where the naive loss is inf and where it is NaN (contiguous runs).
    const auto shade = [&](auto predicate, const QColor &color, const QString &label) {
        qsizetype i = 0;
        while (i < n) {
            if (!predicate(s.loss[0][static_cast<std::size_t>(i)])) {
                ++i;
                continue;
            }
            qsizetype j = i;
            while (j + 1 < n && predicate(s.loss[0][static_cast<std::size_t>(j + 1)]))
                ++j;
            m_lossPanel->addRegion(x[i], x[j], color, label);
            i = j + 1;
        }
    };
    shade([](double v) { return std::isinf(v); }, QColor(0xe6, 0x9f, 0x00), tr("naive = inf"));
    shade([](double v) { return std::isnan(v); }, QColor(0xd0, 0x30, 0x30), tr("naive = NaN"));

    for (PlotPanel *p : {m_lossPanel, m_errorPanel, m_gradientPanel}) {
        p->plot()->rescaleAxes();
        if (p != m_errorPanel) { // a margin, so curves at 0 and -1 do not hide in the frame
            const QCPRange r = p->plot()->yAxis->range();
            const double pad = 0.06 * std::max(r.size(), 1e-3);
            p->plot()->yAxis->setRange(r.lower - pad, r.upper + pad);
        }
        p->plot()->replot(QCustomPlot::rpQueuedReplot);
    }
    m_errorPanel->plot()->yAxis->setRange(1e-21, 10);
    // The naive loss's NaN and inf runs are shaded and named on the loss plot already.
    showNonFinite(x, s.loss, m_lossMarks, true);
    showNonFinite(x, s.relativeError, m_errorMarks, false);
    showNonFinite(x, s.gradient, m_gradientMarks, false);
    showPlateaus(s);
    showUnderflow(s, x);
    const QString y = numberText(s.label, s.format);
    m_lossPanel->setTitle(tr("BCE loss vs z (y = %1, %2)").arg(y, formatText(s.format)));
    m_errorPanel->setTitle(tr("Relative error vs z (y = %1)").arg(y));
    m_gradientPanel->setTitle(tr("Gradient dL/dz vs z (y = %1)").arg(y));
    const qint64 ms = QDateTime::currentMSecsSinceEpoch() - m_sweepStarted;
    m_sweepMessage->setText(tr("%1 points, each against MPFR, in %2 ms").arg(n).arg(ms));
    Q_EMIT statusMessage(
        tr("BCE sweep of %1 points for y = %2 in %3 computed in %4 ms").arg(n).arg(y, formatText(s.format)).arg(ms));
    Q_EMIT progressChanged(-1);
    Q_EMIT sweepUpdated();
}

void LossesPage::showNonFinite(const QVector<double> &x, const std::array<std::vector<double>, 3> &values,
    const QList<QCPGraph *> &marks, bool skipNaive)
{
    for (std::size_t m = 0; m < values.size(); ++m) {
        QVector<double> keys[markKinds];
        if (!(skipNaive && allBceMethods[m] == BceMethod::Naive))
            for (qsizetype i = 0; i < x.size(); ++i) {
                const double v = values[m][static_cast<std::size_t>(i)];
                if (std::isnan(v))
                    keys[MarkNaN].append(x[i]);
                else if (std::isinf(v))
                    keys[v > 0 ? MarkPlusInf : MarkMinusInf].append(x[i]);
            }
        const double lane = 0.86 - 0.07 * static_cast<double>(m); // under the region labels' row
        for (int k = 0; k < markKinds; ++k) {
            QCPGraph *g = marks[static_cast<int>(m) * markKinds + k];
            g->setData(keys[k], QVector<double>(keys[k].size(), lane), true);
            if (keys[k].isEmpty())
                g->removeFromLegend();
            else
                g->addToLegend();
        }
    }
}

void LossesPage::showPlateaus(const BceSweep &s)
{
    QCustomPlot *p = m_lossPanel->plot();
    for (QCPAbstractItem *item : std::as_const(m_sweepItems))
        item->parentPlot()->removeItem(item);
    m_sweepItems.clear();
    const BcePlateaus plateaus = clippedBcePlateaus(s.label, s.format);
    const std::vector<double> &clipped = s.loss[static_cast<std::size_t>(BceMethod::Clipped)];
    const QColor color = seriesColor(static_cast<int>(BceMethod::Clipped)).darker(140);
    const auto finiteOrZero = [](long double v) { return std::isfinite(v) ? v : 0.0L; };
    const long double larger = std::max(finiteOrZero(plateaus.low), finiteOrZero(plateaus.high));
    for (const long double level : {plateaus.low, plateaus.high}) {
        const auto value = static_cast<double>(level);
        // Only a plateau the sweep reaches, and not the other end's clip of 1 - 1e-7 where it
        // costs next to nothing (1.2e-7 for y = 1, beside 16.118).
        const bool reached = std::find(clipped.begin(), clipped.end(), value) != clipped.end();
        if (!reached || !std::isfinite(value) || level < 0.01 * larger)
            continue;
        const bool left = level == plateaus.low;
        auto *line = new QCPItemStraightLine(p);
        line->point1->setCoords(0, value);
        line->point2->setCoords(1, value);
        line->setPen(QPen(color, 1.5, Qt::DashLine));
        auto *text = new QCPItemText(p);
        text->setClipToAxisRect(true);
        text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(left ? 0.01 : 0.99, value);
        text->setPositionAlignment((left ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignBottom);
        text->setText(tr("Keras clip plateau %1").arg(numberText(level, s.format)));
        QFont font = p->font();
        font.setPointSizeF(10);
        text->setFont(font);
        text->setColor(color);
        text->setBrush(QColor(255, 255, 255, 200));
        text->setPadding(QMargins(3, 1, 3, 1));
        m_sweepItems << line << text;
    }
    p->replot(QCustomPlot::rpQueuedReplot);
}

void LossesPage::showUnderflow(const BceSweep &s, const QVector<double> &x)
{
    const auto n = static_cast<qsizetype>(s.lossUnderflows.size());
    QStringList runs;
    qsizetype example = -1;
    for (qsizetype i = 0; i < n;) {
        if (!s.lossUnderflows[static_cast<std::size_t>(i)]) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j + 1 < n && s.lossUnderflows[static_cast<std::size_t>(j + 1)])
            ++j;
        // Labelled half-way up, not on the top row where the errors of 1 run through the text.
        const QColor blue(0x56, 0xb4, 0xe9);
        m_errorPanel->addRegion(x[i], x[j], blue, QString());
        auto *label = new QCPItemText(m_errorPanel->plot());
        label->setClipToAxisRect(true);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(0.5 * (x[i] + x[j]), 0.55);
        label->setText(tr("exact loss rounds to 0"));
        label->setColor(blue.darker(170));
        label->setBrush(QColor(255, 255, 255, 200));
        label->setPadding(QMargins(3, 1, 3, 1));
        m_sweepItems << label;
        runs << tr("%1 to %2").arg(numberText(x[i]), numberText(x[j]));
        // The point next to the format's range: its exact loss is the largest of the run.
        if (example < 0)
            example = i > 0 ? i : j;
        i = j + 1;
    }
    if (runs.isEmpty()) {
        m_underflowNote->clear();
        m_underflowNote->hide();
        return;
    }
    const long double z = x[example];
    const BceReference exact = bceReference(z, s.label);
    m_underflowNote->setText(tr("Relative error 1 for z from %1 (shaded blue on the relative-error plot): at z = %2 "
                                "%3. from_logits returns that 0: correctly rounded, and still 100% off.")
                                 .arg(runs.join(tr(" and ")), numberText(z), underflowText(exact.loss, s.format)));
    m_underflowNote->show();
    m_errorPanel->plot()->replot(QCustomPlot::rpQueuedReplot);
}

LossLab LossesPage::lab() const
{
    const auto bound = [](const QLineEdit *edit) {
        bool ok = false;
        const double v = edit->text().toDouble(&ok);
        return ok ? v : std::numeric_limits<double>::quiet_NaN();
    };
    LossLab lab;
    lab.logits = m_input->toPlainText().toStdString();
    lab.label = m_label->value();
    lab.bce.from = bound(m_from);
    lab.bce.to = bound(m_to);
    lab.bce.points = m_points->value();
    lab.bce.label = m_y->currentText().toStdString();
    lab.format = m_format;
    return lab;
}

void LossesPage::setLab(const LossLab &lab)
{
    const bool restoring = std::exchange(m_restoring, true);
    setFormat(lab.format);
    m_input->setPlainText(QString::fromStdString(lab.logits));
    m_label->setValue(lab.label);
    // The shortest text that reads back as the same double (QString::number's default keeps 6 digits).
    m_from->setText(QString::number(lab.bce.from, 'g', QLocale::FloatingPointShortest));
    m_to->setText(QString::number(lab.bce.to, 'g', QLocale::FloatingPointShortest));
    m_points->setValue(lab.bce.points);
    m_y->setCurrentText(QString::fromStdString(lab.bce.label));
    m_restoring = restoring;
    recomputeCrossEntropy();
    recomputeSweep();
}

void LossesPage::saveSettings() const
{
    writeLossLab(lab());
}

void LossesPage::restoreSettings()
{
    setLab(readLossLab(lab())); // the format stays the window's
}

} // namespace logitlab::ui
