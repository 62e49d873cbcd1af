// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/softmaxpage.h"

#include "common/listinput.h"
#include "common/uitext.h"
#include "models/softmaxtablemodel.h"
#include "pages/formulapanel.h"
#include "pages/temperatureaxis.h"
#include "plots/plotpanel.h"
#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "settings/settings.h"
#include "softmax/naivebreak.h"
#include "softmax/softmaxentropy.h"
#include "softmax/softmaxjacobian.h"
#include "text/numberlist.h"

#include "plots/qcp.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace logitlab::ui {

namespace {

constexpr int maxJacobian = 200;
constexpr int methodCount = static_cast<int>(allSoftmaxMethods.size());
/** Width of one bar (in elements); the methods' and the reference's bars fill 0.84 of each element. */
constexpr double barWidth = 0.14;

/**
 * A method's colour in every plot, from the Okabe-Ito set (seriesColor): the first four in
 * order; online skips black, which marks "now" and the Jacobian's NaN cells, for orange.
 */
QColor methodColor(SoftmaxMethod m)
{
    return seriesColor(m == SoftmaxMethod::Online ? 5 : static_cast<int>(m));
}

/** The Jacobian of the shifted softmax in format \a f, widened to long double. */
std::vector<std::vector<long double>> jacobianOf(const std::vector<long double> &z, Format f)
{
    if (z.empty() || z.size() > maxJacobian)
        return {};
    return visitFormat(f, [&](auto tag) {
        using S = typename decltype(tag)::type;
        Vector<S> v(static_cast<Eigen::Index>(z.size()));
        for (std::size_t i = 0; i < z.size(); ++i)
            v[static_cast<Eigen::Index>(i)] = fromLongDouble<S>(z[i]);
        const auto J = softmaxJacobian<S>(v);
        std::vector<std::vector<long double>> out(z.size(), std::vector<long double>(z.size()));
        for (Eigen::Index i = 0; i < J.rows(); ++i)
            for (Eigen::Index j = 0; j < J.cols(); ++j)
                out[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = toLongDouble(J(i, j));
        return out;
    });
}

double plottable(long double v)
{
    return std::isfinite(v) ? static_cast<double>(v) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

SoftmaxPage::SoftmaxPage(QWidget *parent)
    : LabPage(parent),
      m_job(this, [this](const SoftmaxPageResult &r) { applyResult(r); }),
      m_sweepJob(
          this, [this](const SoftmaxSweep &s) { applySweep(s); }, [this](int p) { Q_EMIT progressChanged(p); },
          sweepPool())
{
    QWidget *content = makeScrollingContent(640);
    auto *layout = new QVBoxLayout(content);

    layout->addWidget(new FormulaPanel(
        tr("<b>softmax(z)<sub>i</sub> = exp(z<sub>i</sub>) / &Sigma;<sub>j</sub> exp(z<sub>j</sub>)</b>. "
           "The naive form overflows once a logit exceeds ln(max) (88.72 in float32, 11.09 in float16): "
           "exp(1000) = inf and inf/inf = NaN. Subtracting the max first, "
           "exp(z<sub>i</sub> &minus; max) / &Sigma; exp(z<sub>j</sub> &minus; max), keeps every exponent &le; 0, "
           "so nothing overflows and the sum is &ge; 1. Log-softmax z<sub>i</sub> &minus; max &minus; "
           "log &Sigma; exp(z<sub>j</sub> &minus; max) keeps tiny probabilities that would underflow to 0. "
           "Errors are in ULPs against an exact MPFR reference.")
            + QLatin1Char(' ')
            + tr("Online softmax (as in FlashAttention) finds the max and the sum in one pass, multiplying the sum "
                 "by exp(m<sub>old</sub> &minus; m<sub>new</sub>) whenever the max grows; its error bound is the "
                 "shifted form's plus 3 ULPs per such rescale.")
            + QLatin1Char(' ')
            + tr("The slider sets the temperature T = 1/scale of softmax(z / T): a low T sharpens p towards the "
                 "largest logit (entropy H &rarr; 0), a high T flattens it (H &rarr; ln K), and the naive form "
                 "breaks once max z / T passes the format's ln(max)."),
        content));

    auto *inputs = new QGridLayout;
    m_mode = new QComboBox(content);
    m_mode->addItem(tr("Vector"));
    m_mode->addItem(tr("Matrix"));
    m_mode->setToolTip(tr("Matrix mode: one row per line or [[...], [...]]"));
    inputs->addWidget(new QLabel(tr("Logits:"), content), 0, 0);
    m_input = new ListInput(2, content);
    m_input->setObjectName(QStringLiteral("logitInput"));
    m_input->setPlaceholderText(tr("e.g. [1000, 2000, 3000] or a NumPy print"));
    inputs->addWidget(m_input, 0, 1, 1, 4);
    inputs->addWidget(m_mode, 0, 5);
    m_message = new QLabel(content);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    inputs->addWidget(m_message, 1, 1, 1, 5);
    showPasteRefusals(m_input, m_message);
    inputs->addWidget(new QLabel(tr("Scale (1/T):"), content), 2, 0);
    m_slider = new QSlider(Qt::Horizontal, content);
    m_slider->setObjectName(QStringLiteral("scaleSlider"));
    m_slider->setRange(SoftmaxLab::minScaleStep, SoftmaxLab::maxScaleStep);
    m_slider->setSingleStep(1);
    m_slider->setPageStep(25);
    m_slider->setToolTip(tr("Multiplies every logit by the scale, 0.01 to 100: the temperature T = 1/scale runs "
                            "from 100 (left) to 0.01 (right) on a log scale"));
    inputs->addWidget(m_slider, 2, 1, 1, 3);
    m_scaleLabel = new QLabel(content);
    m_scaleLabel->setObjectName(QStringLiteral("scaleLabel"));
    {
        // Wide enough for the widest step's text, so the row does not jump while the slider moves.
        int widest = 0;
        for (int step = SoftmaxLab::minScaleStep; step <= SoftmaxLab::maxScaleStep; ++step)
            widest = std::max(widest,
                m_scaleLabel->fontMetrics().horizontalAdvance(
                    tr("T = %1 (logits × %2)")
                        .arg(QString::fromStdString(softmaxTemperatureText(step)),
                            QString::fromStdString(softmaxScaleText(step)))));
        m_scaleLabel->setMinimumWidth(widest + m_scaleLabel->fontMetrics().averageCharWidth());
    }
    inputs->addWidget(m_scaleLabel, 2, 4, 1, 2);
    // Matrix mode: PyTorch's dim, which method the matrix table shows, and which slice the plots
    // follow (in a row of their own, hidden for a vector, so the slider has the width).
    auto *matrixRow = new QHBoxLayout;
    m_axis = new QComboBox(content);
    m_axis->addItem(tr("dim=0 (down each column)"));
    m_axis->addItem(tr("dim=1 (along each row)"));
    m_axis->setToolTip(tr("PyTorch's dim / NumPy's axis: the direction whose entries sum to 1"));
    matrixRow->addWidget(m_axis);
    matrixRow->addWidget(new QLabel(tr("Matrix shows:"), content));
    m_matrixMethod = new QComboBox(content);
    m_matrixMethod->setObjectName(QStringLiteral("matrixMethod"));
    for (SoftmaxMethod m : allSoftmaxMethods)
        m_matrixMethod->addItem(softmaxMethodName(m));
    m_matrixMethod->setCurrentIndex(static_cast<int>(SoftmaxMethod::Naive));
    matrixRow->addWidget(m_matrixMethod);
    m_sliceLabel = new QLabel(content);
    matrixRow->addWidget(m_sliceLabel);
    m_slice = new QSpinBox(content);
    m_slice->setObjectName(QStringLiteral("sliceBox"));
    m_slice->setToolTip(tr("The row (dim=1) or column (dim=0) whose bars, errors and Jacobian are plotted"));
    matrixRow->addWidget(m_slice);
    matrixRow->addStretch(1);
    // Under the slider: T on its own axis with each format's break mark, then the entropy and
    // the break temperatures in words.
    inputs->addWidget(new QLabel(tr("Temperature T:"), content), 3, 0, Qt::AlignTop);
    m_temperatureAxis = new TemperatureAxis(m_slider, content);
    m_temperatureAxis->setObjectName(QStringLiteral("temperatureAxis"));
    inputs->addWidget(m_temperatureAxis, 3, 1, 1, 3);
    m_temperatureText = new QLabel(content);
    m_temperatureText->setObjectName(QStringLiteral("temperatureText"));
    m_temperatureText->setWordWrap(true);
    m_temperatureText->setTextFormat(Qt::RichText);
    inputs->addWidget(m_temperatureText, 4, 1, 1, 5);
    m_matrixControls = new QWidget(content);
    m_matrixControls->setLayout(matrixRow);
    matrixRow->setContentsMargins(0, 0, 0, 0);
    inputs->addWidget(m_matrixControls, 5, 1, 1, 5);
    m_matrixControls->setVisible(false);
    inputs->setColumnStretch(1, 1);
    inputs->setColumnStretch(2, 1);
    layout->addLayout(inputs);

    m_summary = new QLabel(content);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    // The table across the whole width (every method's column fits, float64 digits too), then
    // the bars beside the Jacobian, then the error sweep across the whole width.
    auto *vsplit = new QSplitter(Qt::Vertical, content);
    m_tables = new QStackedWidget;
    m_model = new SoftmaxTableModel(this);
    m_table = new QTableView(m_tables);
    m_table->setModel(m_model);
    m_table->verticalHeader()->setVisible(true); // the row number is i; column 0 is hidden
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setResizeContentsPrecision(200);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setMinimumSectionSize(44);
    m_table->setColumnHidden(0, true);
    m_table->setAlternatingRowColors(true);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tables->addWidget(m_table);
    m_matrixTable = new QTableWidget(m_tables);
    m_matrixTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tables->addWidget(m_matrixTable);
    // The table's cell colours, written out under it (the same colours as SoftmaxTableModel's).
    auto *tableBox = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_tables, 1);
    const auto swatch = [](const char *color, const QString &text) {
        return QStringLiteral("<span style='background:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%2")
            .arg(QLatin1String(color), text.toHtmlEscaped());
    };
    auto *key = new QLabel(
        QStringList {swatch("#f4b6b6", tr("NaN")), swatch("#f7c88f", tr("inf")),
            swatch("#faee9a", tr("exp underflowed (0 or subnormal)")), swatch("#ffe3b8", tr("error > 2 ulp"))}
            .join(QStringLiteral(" &nbsp; ")),
        tableBox);
    key->setObjectName(QStringLiteral("cellColourKey"));
    key->setWordWrap(true);
    tableLayout->addWidget(key);
    m_tables->setMinimumHeight(fontMetrics().lineSpacing() * 8);

    auto *middle = new QSplitter(Qt::Horizontal);
    m_barPanel = new PlotPanel(tr("Probabilities per method"), middle);
    m_jacobianPanel = new PlotPanel(tr("Jacobian diag(s) − s sᵀ (shifted softmax)"), middle);
    middle->addWidget(m_barPanel);
    middle->addWidget(m_jacobianPanel);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);
    m_sweepPanel = new PlotPanel(tr("Max ULP error vs size of the logits"));
    vsplit->addWidget(tableBox);
    vsplit->addWidget(middle);
    vsplit->addWidget(m_sweepPanel);
    vsplit->setChildrenCollapsible(false); // the page scrolls; no plot is squashed below its minimum
    layout->addWidget(vsplit, 1);

    // Bar chart: one QCPBars per method plus the reference, grouped side by side.
    QCustomPlot *bp = m_barPanel->plot();
    auto *group = new QCPBarsGroup(bp);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    const auto addBars = [&](const QString &name, const QColor &color) {
        auto *bars = new QCPBars(bp->xAxis, bp->yAxis);
        bars->setName(name);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setWidth(barWidth);
        bars->setBarsGroup(group);
        m_bars.append(bars);
    };
    for (SoftmaxMethod m : allSoftmaxMethods)
        addBars(softmaxMethodName(m), methodColor(m));
    addBars(tr("reference"), QColor(0x60, 0x60, 0x60));
    for (SoftmaxMethod m : allSoftmaxMethods) {
        // A NaN or inf has no bar: it is drawn as a cross on top, with its own legend entry.
        auto *marks = bp->addGraph();
        marks->setLineStyle(QCPGraph::lsNone);
        marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(methodColor(m), 2.5), Qt::NoBrush, 12));
        marks->removeFromLegend();
        m_nanMarks.append(marks);
    }
    bp->xAxis->setLabel(tr("element i"));
    bp->yAxis->setLabel(tr("probability"));
    m_barPanel->setLegendBelow(3); // two lines: six full names fit a 1366 px laptop

    // Error sweep: log-log, one graph per method.
    QCustomPlot *sp = m_sweepPanel->plot();
    sp->xAxis->setScaleType(QCPAxis::stLogarithmic);
    sp->yAxis->setScaleType(QCPAxis::stLogarithmic);
    sp->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    sp->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    sp->xAxis->setLabel(tr("max |z_i| after scaling"));
    sp->yAxis->setLabel(tr("max error (ULP)"));
    sp->setToolTip(tr("An error of 0 ULP is drawn at 0.01 (a log scale has no 0)."));
    for (SoftmaxMethod m : allSoftmaxMethods) {
        auto *g = sp->addGraph();
        g->setName(softmaxMethodName(m));
        // Online softmax often scores exactly as shifted: dashed, so the shifted line shows through.
        g->setPen(QPen(methodColor(m), 2, m == SoftmaxMethod::Online ? Qt::DashLine : Qt::SolidLine));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
        m_sweepGraphs.append(g);
    }
    m_sweepPanel->setLegendBelow(methodCount);

    // Jacobian heatmap.
    QCustomPlot *jp = m_jacobianPanel->plot();
    m_jacobian = new QCPColorMap(jp->xAxis, jp->yAxis);
    m_jacobian->setName(tr("J"));
    QCPColorGradient polar(QCPColorGradient::gpPolar);
    polar.setNanHandling(QCPColorGradient::nhNanColor); // a NaN cell is black, never a colour of the scale
    polar.setNanColor(Qt::black);
    m_jacobian->setGradient(polar);
    m_jacobian->setInterpolate(false);
    auto *scale = new QCPColorScale(jp);
    jp->plotLayout()->addElement(0, 1, scale);
    m_jacobian->setColorScale(scale);
    jp->legend->setVisible(false);
    jp->xAxis->setLabel(tr("column j"));
    jp->yAxis->setLabel(tr("row i"));
    jp->yAxis->setRangeReversed(true);

    connect(m_input, &QPlainTextEdit::textChanged, this, &SoftmaxPage::recompute);
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        updateScaleLabel();
        recompute();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) { setMatrixMode(i == 1); });
    connect(m_axis, &QComboBox::currentIndexChanged, this, &SoftmaxPage::recompute);
    connect(m_matrixMethod, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_last.slices.empty())
            fillMatrixTable(m_last);
    });
    connect(m_slice, &QSpinBox::valueChanged, this, &SoftmaxPage::showSlice);
    connect(m_matrixTable, &QTableWidget::currentCellChanged, this, [this](int row, int column) {
        // Clicking a cell picks its slice: its row for dim=1, its column for dim=0.
        const int slice = m_last.axis == 1 ? row : column;
        if (slice >= 0 && slice < static_cast<int>(m_last.slices.size()))
            m_slice->setValue(slice);
    });
    applyLab(SoftmaxLab {}); // the panels' value format too
    updateScaleLabel();
}

SoftmaxPage::~SoftmaxPage() = default;

QList<QWidget *> SoftmaxPage::resultViews() const
{
    return {m_tables, m_summary};
}

QList<PlotPanel *> SoftmaxPage::plots() const
{
    return {m_barPanel, m_sweepPanel, m_jacobianPanel};
}

QString SoftmaxPage::scaleText() const
{
    return QString::fromStdString(softmaxScaleText(m_slider->value()));
}

void SoftmaxPage::updateScaleLabel()
{
    m_scaleLabel->setText(
        tr("T = %1 (logits × %2)").arg(QString::fromStdString(softmaxTemperatureText(m_slider->value())), scaleText()));
}

std::vector<long double> SoftmaxPage::unscaledSlice(int slice) const
{
    if (m_unscaled.empty())
        return {};
    if (m_mode->currentIndex() != 1)
        return m_unscaled.front();
    const bool byRow = m_axis->currentIndex() == 1;
    const int count = byRow ? static_cast<int>(m_unscaled.size()) : static_cast<int>(m_unscaled.front().size());
    const auto s = static_cast<std::size_t>(std::clamp(slice, 0, count - 1));
    if (byRow)
        return m_unscaled[s];
    std::vector<long double> column;
    for (const auto &row : m_unscaled)
        column.push_back(row[s]);
    return column;
}

void SoftmaxPage::updateTemperatureView(bool entropyKnown)
{
    const int slice = m_mode->currentIndex() == 1 ? m_slice->value() : 0;
    const std::vector<long double> z = unscaledSlice(slice);
    const double temperature = 1 / scaleText().toDouble();
    const QString temperatureText = QString::fromStdString(softmaxTemperatureText(m_slider->value()));
    QList<TemperatureAxis::Mark> marks;
    QStringList below, brokenNow;
    const auto breaks = naiveBreaks(z);
    for (const NaiveBreak &b : breaks) {
        if (b.kind != NaiveBreakKind::Overflow && b.kind != NaiveBreakKind::Underflow)
            continue;
        const bool current = b.format == m_format;
        const QString breakText = QString::number(static_cast<double>(b.below), 'g', 3);
        marks.append({tr("%1: NaN for T < %2").arg(formatText(b.format), breakText),
            softmaxScaleStepAt(static_cast<double>(b.below)), current});
        const QString entry = QStringLiteral("%1 %2").arg(formatText(b.format), breakText);
        below << (current ? QStringLiteral("<b>%1</b>").arg(entry) : entry);
        if (temperature < static_cast<double>(b.below))
            brokenNow << formatText(b.format);
    }
    m_temperatureAxis->setMarks(marks);

    QString entropy = tr("Entropy of p: computing…");
    const auto s = static_cast<std::size_t>(std::max(0, slice));
    if (entropyKnown && s < m_last.entropy.size()) {
        const auto [nats, bits] = m_last.entropy[s];
        const auto k = static_cast<double>(z.size());
        entropy = std::isnan(nats)
            ? tr("Entropy of p: none (no distribution: a NaN logit, or all -inf)")
            : tr("Entropy of p: H = %1 nats = %2 bits, between 0 (one certain class) and "
                 "ln %3 = %4 nats = %5 bits (all equal)")
                  .arg(QString::number(nats, 'g', 4), QString::number(bits, 'g', 4))
                  .arg(z.size())
                  .arg(QString::number(std::log(k), 'g', 4), QString::number(std::log2(k), 'g', 4));
    }
    QString naive;
    switch (breaks.front().kind) { // the same kind in every format
    case NaiveBreakKind::Never:
        naive = tr("Naive softmax never breaks as T falls: the largest logit is 0 and exp(0 / T) = 1.");
        break;
    case NaiveBreakKind::Always:
        naive = tr("Naive softmax gives NaN at every T: a logit is NaN or +inf, or every logit is -inf.");
        break;
    case NaiveBreakKind::Overflow:
    case NaiveBreakKind::Underflow:
        naive = (breaks.front().kind == NaiveBreakKind::Overflow
                        ? tr("Naive softmax overflows (exp(max z / T) = inf, NaN) for T below: %1.")
                        : tr("Naive softmax underflows (every exp(z / T) = 0, 0/0 = NaN) for T below: %1."))
                    .arg(below.join(QStringLiteral(", ")))
            + QLatin1Char(' ')
            + (brokenNow.isEmpty() ? tr("At T = %1 it gives NaN in no format.").arg(temperatureText)
                                   : tr("At T = %1 it gives NaN in %2.")
                                         .arg(temperatureText, brokenNow.join(QStringLiteral(", ")).toHtmlEscaped()));
        break;
    }
    m_temperatureText->setText(entropy.toHtmlEscaped() + QStringLiteral("<br>") + naive);
}

void SoftmaxPage::setFormat(Format f)
{
    // Probabilities and Jacobian entries are values of the format: the readout shows its digits.
    m_barPanel->setValueFormat(f);
    m_jacobianPanel->setValueFormat(f);
    if (f == m_format)
        return;
    m_format = f;
    recompute();
}

void SoftmaxPage::setMatrixMode(bool matrix)
{
    if (m_mode->currentIndex() != (matrix ? 1 : 0)) {
        m_mode->setCurrentIndex(matrix ? 1 : 0); // re-enters through the signal
        return;
    }
    if (m_restoring)
        return;
    // Keep what was typed in the mode we leave, show what was typed in the mode we enter.
    const std::string entered = std::exchange(m_otherText, m_input->toPlainText().toStdString());
    m_axis->setEnabled(matrix);
    m_matrixControls->setVisible(matrix);
    m_tables->setCurrentIndex(matrix ? 1 : 0);
    const QSignalBlocker block(m_input);
    m_input->setPlainText(QString::fromStdString(entered));
    recompute();
}

void SoftmaxPage::setAxis(int axis)
{
    m_axis->setCurrentIndex(axis);
}

bool SoftmaxPage::isBusy() const
{
    return m_job.isRunning() || m_sweepJob.isRunning();
}

void SoftmaxPage::waitForIdle()
{
    while (isBusy())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QCoreApplication::processEvents();
}

void SoftmaxPage::recompute()
{
    if (m_restoring)
        return;
    const std::string text = m_input->toPlainText().toStdString();
    const bool matrix = m_mode->currentIndex() == 1;
    const std::string scale = scaleText().toStdString();
    const Format f = m_format;
    const int axis = m_axis->currentIndex();

    const auto showError = [&](const ListError &e) {
        const QString msg = listErrorMessage(e, text);
        m_input->setError(
            utf16Index(text, e.position), utf16Index(text, e.position + e.length) - utf16Index(text, e.position), msg);
        m_message->setText(QStringLiteral("<span style='color:#b00000'>%1</span> %2")
                               .arg(msg.toHtmlEscaped(), tr("(showing the last valid input)")));
        Q_EMIT statusMessage(msg);
    };

    std::vector<std::vector<std::string>> rows;
    if (matrix) {
        auto parsed = parseNumberMatrix(text);
        if (const auto *e = std::get_if<ListError>(&parsed))
            return showError(*e);
        for (const auto &row : std::get<0>(parsed)) {
            rows.emplace_back();
            for (const NumberToken &t : row)
                rows.back().push_back(t.text);
        }
    } else {
        auto parsed = parseNumberList(text);
        if (const auto *e = std::get_if<ListError>(&parsed))
            return showError(*e);
        rows.emplace_back();
        for (const NumberToken &t : std::get<0>(parsed))
            rows.back().push_back(t.text);
    }
    m_input->clearError();
    m_message->clear();
    m_unscaled.clear();
    for (const auto &row : rows) {
        m_unscaled.emplace_back();
        for (const std::string &t : row)
            m_unscaled.back().push_back(decimalToFormat(t, Format::Float80).value_or(NAN));
    }
    updateTemperatureView(false);

    // Stage one, on the GUI thread: the logits and every method's values (microseconds for
    // classroom sizes, about a millisecond for 1,000 logits). Stage two, off the thread: the MPFR
    // reference, ULP errors and Jacobian, which fill in the remaining columns when they arrive.
    std::vector<std::vector<long double>> values;
    values.reserve(rows.size());
    for (const auto &row : rows)
        values.push_back(scaledLogits(row, scale, f));
    if (!matrix) {
        auto quick = std::make_shared<SoftmaxReport>();
        quick->format = f;
        quick->logits = values.front();
        quick->methods = computeSoftmaxMethods(quick->logits, f);
        showMethods(quick);
    }

    m_job.start([values = std::move(values), f, matrix, axis](QPromise<SoftmaxPageResult> &promise) {
        SoftmaxPageResult r;
        r.rows = static_cast<int>(values.size());
        r.columns = values.empty() ? 0 : static_cast<int>(values.front().size());
        r.axis = axis;
        const auto entropyOf = [](const std::vector<long double> &z) {
            const SoftmaxEntropy h = softmaxEntropyReference(z);
            return std::array<double, 2> {static_cast<double>(roundToFormat(h.nats, Format::Float64)),
                static_cast<double>(roundToFormat(h.bits, Format::Float64))};
        };
        if (!matrix) {
            r.report = std::make_shared<const SoftmaxReport>(computeSoftmaxReport(values.front(), f));
            r.entropy.push_back(entropyOf(values.front()));
        } else {
            // PyTorch dim=1 normalises each row, dim=0 each column.
            const int slices = axis == 1 ? r.rows : r.columns;
            for (int s = 0; s < slices; ++s) {
                if (promise.isCanceled())
                    return;
                std::vector<long double> slice;
                if (axis == 1)
                    slice = values[static_cast<std::size_t>(s)];
                else
                    for (const auto &row : values)
                        slice.push_back(row[static_cast<std::size_t>(s)]);
                r.slices.push_back(std::make_shared<const SoftmaxReport>(computeSoftmaxReport(slice, f)));
                r.entropy.push_back(entropyOf(slice));
            }
            r.report = r.slices.front();
        }
        if (promise.isCanceled())
            return;
        if (!matrix) // a matrix's Jacobian is the selected slice's, made by showSlice()
            r.jacobian = jacobianOf(r.report->logits, f);
        promise.addResult(std::move(r));
    });
}

void SoftmaxPage::showMethods(const std::shared_ptr<const SoftmaxReport> &report)
{
    m_model->setReport(report);
    updateBars(*report);
    m_summary->setText(tr("%1 in %2 — computing the exact reference…")
                           .arg(logitCountText(static_cast<qsizetype>(report->logits.size())))
                           .arg(formatText(report->format)));
    Q_EMIT methodsUpdated();
}

void SoftmaxPage::updateBars(const SoftmaxReport &rep)
{
    const std::size_t n = rep.logits.size();
    const bool withReference = rep.referenceRounded.size() == n;
    for (int b = 0; b < m_bars.size(); ++b) {
        QVector<double> keys, values;
        if (b < methodCount || withReference) {
            keys.resize(static_cast<qsizetype>(n));
            values.resize(static_cast<qsizetype>(n));
            for (std::size_t i = 0; i < n; ++i) {
                keys[static_cast<qsizetype>(i)] = static_cast<double>(i);
                values[static_cast<qsizetype>(i)] = b < methodCount
                    ? plottable(rep.methods[static_cast<std::size_t>(b)].values[i])
                    : plottable(rep.referenceRounded[i]);
            }
        }
        m_bars[b]->setData(keys, values, true);
        m_bars[b]->setAntialiased(n <= 64); // thousands of sub-pixel bars: no antialiasing, 10x faster
    }
    QCustomPlot *bp = m_barPanel->plot();
    bp->xAxis->setRange(-0.6, static_cast<double>(n) - 0.4);
    bp->yAxis->setRange(0, 1.15); // room for the NaN/inf marks at 1
    if (n <= 20) {
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1);
        bp->xAxis->setTicker(ticker);
    } else {
        bp->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    markNonFiniteBars(rep);
    bp->replot(QCustomPlot::rpQueuedReplot);
}

void SoftmaxPage::markNonFiniteBars(const SoftmaxReport &rep)
{
    QCustomPlot *bp = m_barPanel->plot();
    for (QCPAbstractItem *item : std::as_const(m_nanLabels))
        bp->removeItem(item);
    m_nanLabels.clear();
    const std::size_t n = rep.logits.size();
    const int groups = static_cast<int>(m_bars.size());
    for (int b = 0; b < m_nanMarks.size(); ++b) {
        const SoftmaxMethodResult &m = rep.methods[static_cast<std::size_t>(b)];
        QVector<double> keys, values;
        int nans = 0, infs = 0;
        for (std::size_t i = 0; i < n && i < m.values.size(); ++i) {
            const long double v = m.values[i];
            if (std::isfinite(v))
                continue;
            // The bar's place in its group, as QCPBarsGroup lays out the bars side by side.
            const double key = static_cast<double>(i) + (b - (groups - 1) / 2.0) * barWidth;
            keys << key;
            values << 1.0;
            ++(std::isnan(v) ? nans : infs);
            if (n <= 12) {
                auto *text = new QCPItemText(bp);
                text->position->setCoords(key, 1.0);
                text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
                text->setText(
                    std::isnan(v) ? QStringLiteral("NaN") : (v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf")));
                text->setColor(methodColor(m.method).darker(130));
                text->setRotation(-90);
                text->setClipToAxisRect(false);
                m_nanLabels.append(text);
            }
        }
        m_nanMarks[b]->setData(keys, values, true);
        const bool any = !keys.isEmpty();
        m_nanMarks[b]->setName(
            tr("%1: %2 NaN, %3 inf (no bar)").arg(softmaxMethodShortName(m.method)).arg(nans).arg(infs));
        if (any)
            m_nanMarks[b]->addToLegend();
        else
            m_nanMarks[b]->removeFromLegend();
    }
}

void SoftmaxPage::applyResult(const SoftmaxPageResult &r)
{
    m_last = r;
    if (r.slices.empty()) {
        showReport(r.report, r.jacobian);
        return;
    }
    const QSignalBlocker block(m_slice);
    m_slice->setRange(0, static_cast<int>(r.slices.size()) - 1);
    m_sliceLabel->setText(r.axis == 1 ? tr("plots follow row") : tr("plots follow column"));
    fillMatrixTable(r);
    showSlice(m_slice->value());
}

void SoftmaxPage::showSlice(int slice)
{
    if (m_last.slices.empty())
        return;
    const auto &rep
        = m_last.slices[static_cast<std::size_t>(std::clamp(slice, 0, static_cast<int>(m_last.slices.size()) - 1))];
    showReport(rep, jacobianOf(rep->logits, rep->format));
}

QString SoftmaxPage::matrixNotes() const
{
    QStringList notes;
    for (SoftmaxMethod m : allSoftmaxMethods) {
        QStringList where;
        for (std::size_t s = 0; s < m_last.slices.size(); ++s)
            if (m_last.slices[s]->method(m).nan)
                where << QString::number(s);
        if (!where.isEmpty())
            notes << (m_last.axis == 1 ? tr("%1 gives NaN in rows %2") : tr("%1 gives NaN in columns %2"))
                         .arg(softmaxMethodShortName(m), where.join(QStringLiteral(", ")));
    }
    return notes.join(QStringLiteral("; "));
}

QString SoftmaxPage::summaryText() const
{
    return m_summary->text();
}

void SoftmaxPage::showReport(
    const std::shared_ptr<const SoftmaxReport> &report, const std::vector<std::vector<long double>> &jacobianValues)
{
    const SoftmaxReport &rep = *report;
    m_model->setReport(report);
    m_table->resizeColumnsToContents();
    const std::size_t n = rep.logits.size();
    updateBars(rep);

    // Jacobian.
    QCustomPlot *jp = m_jacobianPanel->plot();
    const auto jn = static_cast<int>(jacobianValues.size());
    m_jacobian->data()->setSize(std::max(jn, 1), std::max(jn, 1));
    m_jacobian->data()->setRange(QCPRange(0, std::max(jn - 1, 1)), QCPRange(0, std::max(jn - 1, 1)));
    double extent = 0;
    for (int i = 0; i < jn; ++i)
        for (int j = 0; j < jn; ++j) {
            const double v = plottable(jacobianValues[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
            m_jacobian->data()->setCell(j, i, v);
            if (std::isfinite(v))
                extent = std::max(extent, std::fabs(v));
        }
    if (jn == 0)
        m_jacobian->data()->fill(std::numeric_limits<double>::quiet_NaN());
    m_jacobian->setDataRange(extent > 0 ? QCPRange(-extent, extent) : QCPRange(-1, 1));
    QSharedPointer<QCPAxisTickerFixed> unit(new QCPAxisTickerFixed);
    unit->setTickStep(std::max(1.0, std::ceil(jn / 10.0)));
    unit->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    jp->xAxis->setTicker(unit);
    jp->yAxis->setTicker(unit);
    jp->xAxis->setRange(-0.5, std::max(jn, 1) - 0.5);
    jp->yAxis->setRange(-0.5, std::max(jn, 1) - 0.5);
    bool jacobianNaN = false;
    for (const auto &row : jacobianValues)
        for (long double v : row)
            jacobianNaN = jacobianNaN || !std::isfinite(v);
    m_jacobianPanel->setTitle(jn > 0 ? (jacobianNaN ? tr("Jacobian diag(s) − s sᵀ in %1 (black cells: NaN/inf)")
                                                    : tr("Jacobian diag(s) − s sᵀ in %1 (hover for values)"))
                                           .arg(formatText(rep.format))
                                     : tr("Jacobian: shown for up to %1 logits").arg(maxJacobian));
    jp->replot(QCustomPlot::rpQueuedReplot);

    // Summary line.
    QStringList notes;
    for (const SoftmaxMethodResult &m : rep.methods) {
        QString s = tr("%1: max %2 ulp").arg(softmaxMethodShortName(m.method), ulpErrorText(m.maxUlpError));
        if (m.nan)
            s += tr(", NaN");
        if (m.sumOverflow)
            s += tr(", the sum overflowed to inf (every p = finite / inf = 0)");
        else if (m.overflow)
            s += tr(", exp overflowed");
        if (m.underflow)
            s += tr(", exp underflowed");
        notes << s;
    }
    QString summary
        = tr("%1 in %2 — %3")
              .arg(logitCountText(static_cast<qsizetype>(n)), formatText(rep.format), notes.join(QStringLiteral("; ")));
    if (!m_last.slices.empty()) {
        const QString where = (m_last.axis == 1 ? tr("Row %1 of %2") : tr("Column %1 of %2"))
                                  .arg(m_slice->value())
                                  .arg(m_last.slices.size());
        const QString nan = matrixNotes();
        summary = where + QStringLiteral(": ") + summary
            + (nan.isEmpty() ? QString()
                             : QStringLiteral("<br><b style='color:#b00000'>%1</b>").arg(nan.toHtmlEscaped()));
    }
    m_summary->setText(summary);
    updateTemperatureView(true);
    // Where the logits on screen are on the ULP-vs-size plot (moves with the scale slider).
    double maxAbs = 0;
    for (long double z : rep.logits)
        if (std::isfinite(z))
            maxAbs = std::max(maxAbs, std::fabs(static_cast<double>(z)));
    QCustomPlot *sp = m_sweepPanel->plot();
    if (!m_nowLine) {
        m_nowLine = new QCPItemStraightLine(sp);
        m_nowLine->setPen(QPen(QColor(0x00, 0x00, 0x00), 2.5));
        m_nowLabel = new QCPItemText(sp);
        m_nowLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        m_nowLabel->setColor(Qt::black);
        m_nowLabel->setBrush(QColor(255, 255, 255, 220));
        m_nowLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    const bool onPlot = maxAbs > 0;
    m_nowLine->setVisible(onPlot);
    m_nowLabel->setVisible(onPlot);
    m_nowLine->point1->setCoords(maxAbs, 1);
    m_nowLine->point2->setCoords(maxAbs, 2);
    m_nowLabel->position->setCoords(maxAbs, 1.0);
    m_nowLabel->setText(tr(" now: max |z| = %1").arg(numberText(static_cast<long double>(maxAbs), rep.format)));
    sp->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT statusMessage(
        tr("Softmax of %1 in %2 computed").arg(logitCountText(static_cast<qsizetype>(n)), formatText(rep.format)));
    Q_EMIT resultUpdated();

    // Sweep (only when the unscaled shape or the format changed: the slider scales the same vector).
    if (m_sweepInput != rep.logits || m_sweepFormat != rep.format || m_sweep.points.empty()) {
        m_sweepInput = rep.logits;
        m_sweepFormat = rep.format;
        const std::vector<long double> z = rep.logits;
        const Format f = rep.format;
        Q_EMIT progressChanged(0);
        m_sweepJob.start([z, f](QPromise<SoftmaxSweep> &promise) {
            promise.setProgressRange(0, 100);
            SoftmaxSweep s = computeSoftmaxSweep(
                z, f, [&promise] { return promise.isCanceled(); },
                [&promise](int done, int total) { promise.setProgressValue(100 * done / total); });
            if (!promise.isCanceled())
                promise.addResult(std::move(s));
        });
    }
}

void SoftmaxPage::applySweep(const SoftmaxSweep &s)
{
    m_sweep = s;
    QCustomPlot *sp = m_sweepPanel->plot();
    m_sweepPanel->clearAnnotations();
    for (int g = 0; g < m_sweepGraphs.size(); ++g) {
        QVector<double> x, y;
        for (const SoftmaxSweepPoint &p : s.points) {
            const double e = p.maxUlpError[static_cast<std::size_t>(g)];
            x.append(p.maxAbsLogit);
            y.append(std::isfinite(e) ? std::max(e, 0.01) : std::numeric_limits<double>::quiet_NaN());
        }
        m_sweepGraphs[g]->setData(x, y, true);
    }
    if (const auto nan = nanRegion(s, SoftmaxMethod::Naive))
        m_sweepPanel->addRegion(nan->from, nan->to, QColor(0xd0, 0x30, 0x30), tr("naive = NaN"));
    for (Format f : allFormats) {
        if (f == Format::BFloat16)
            continue; // same ln(max) as float32 to three digits: one line is enough
        const double lnMax = static_cast<double>(formatInfo(f).lnMax);
        if (lnMax < 30000) // labels of lines in the right third of the log axis go to their left
            m_sweepPanel->addVerticalLine(lnMax, f == s.format ? QColor(0xb0, 0, 0) : QColor(0x70, 0x70, 0x70),
                tr("ln max %1 = %2").arg(formatText(f), logThresholdText(formatInfo(f).lnMax)),
                lnMax > 2000 ? Qt::AlignRight : Qt::AlignLeft);
    }
    sp->xAxis->setRange(0.08, 25000);
    sp->yAxis->rescale();
    QCPRange yr = sp->yAxis->range();
    sp->yAxis->setRange(0.005, std::max(yr.upper * 3, 10.0));
    m_sweepPanel->setTitle(
        tr("Max ULP error vs size of the logits (%1, %2 scales)").arg(formatText(s.format)).arg(s.points.size()));
    sp->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT progressChanged(-1);
    Q_EMIT sweepUpdated();
}

void SoftmaxPage::fillMatrixTable(const SoftmaxPageResult &r)
{
    const bool byRow = r.axis == 1;
    const auto method = static_cast<SoftmaxMethod>(std::max(0, m_matrixMethod->currentIndex()));
    m_matrixTable->clear();
    m_matrixTable->setRowCount(r.rows + (byRow ? 0 : 1));
    m_matrixTable->setColumnCount(r.columns + (byRow ? 1 : 0));
    QStringList hh, vh;
    for (int j = 0; j < r.columns; ++j)
        hh << QString::number(j);
    for (int i = 0; i < r.rows; ++i)
        vh << QString::number(i);
    if (byRow)
        hh << tr("row sum");
    else
        vh << tr("column sum");
    const QColor sumColor(0xc8, 0xf0, 0xc8), nanColor(0xf4, 0xb6, 0xb6), infColor(0xf7, 0xc8, 0x8f);
    for (std::size_t s = 0; s < r.slices.size(); ++s) {
        const SoftmaxReport &rep = *r.slices[s];
        const SoftmaxMethodResult &m = rep.method(method);
        long double sum = 0;
        for (std::size_t k = 0; k < m.values.size(); ++k) {
            sum += m.values[k];
            const int row = byRow ? static_cast<int>(s) : static_cast<int>(k);
            const int col = byRow ? static_cast<int>(k) : static_cast<int>(s);
            auto *item = new QTableWidgetItem(numberText(m.values[k], rep.format));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (std::isnan(m.values[k]))
                item->setBackground(nanColor);
            else if (std::isinf(m.values[k]))
                item->setBackground(infColor);
            item->setToolTip(tr("%1 in %2; exact %3")
                                 .arg(softmaxMethodName(method), formatText(rep.format),
                                     tidyDigits(rep.reference.softmax[k].toString(20))));
            m_matrixTable->setItem(row, col, item);
        }
        // A slice where this method gives NaN is flagged in its header, so it is seen at once.
        const QString label = (m.nan ? QStringLiteral("⚠ ") : QString()) + QString::number(s);
        if (byRow)
            vh[static_cast<int>(s)] = label;
        else
            hh[static_cast<int>(s)] = label;
        auto *sumItem = new QTableWidgetItem(numberText(sum, Format::Float80));
        sumItem->setBackground(m.nan ? nanColor : sumColor);
        sumItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        sumItem->setToolTip(m.nan ? tr("NaN: %1 fails on this slice").arg(softmaxMethodName(method))
                                  : tr("These entries sum to 1 (up to rounding): softmax along dim=%1").arg(r.axis));
        if (byRow)
            m_matrixTable->setItem(static_cast<int>(s), r.columns, sumItem);
        else
            m_matrixTable->setItem(r.rows, static_cast<int>(s), sumItem);
    }
    m_matrixTable->setHorizontalHeaderLabels(hh);
    m_matrixTable->setVerticalHeaderLabels(vh);
    m_matrixTable->resizeColumnsToContents();
}

SoftmaxLab SoftmaxPage::lab() const
{
    SoftmaxLab lab;
    lab.matrixMode = m_mode->currentIndex() == 1;
    (lab.matrixMode ? lab.matrix : lab.logits) = m_input->toPlainText().toStdString();
    (lab.matrixMode ? lab.logits : lab.matrix) = m_otherText;
    lab.dim = m_axis->currentIndex();
    lab.slice = m_slice->value();
    lab.matrixMethod = allSoftmaxMethods[static_cast<std::size_t>(
        std::clamp(m_matrixMethod->currentIndex(), 0, static_cast<int>(allSoftmaxMethods.size()) - 1))];
    lab.scaleStep = m_slider->value();
    lab.format = m_format;
    return lab;
}

void SoftmaxPage::applyLab(const SoftmaxLab &lab)
{
    const bool restoring = std::exchange(m_restoring, true);
    setFormat(lab.format);
    m_slider->setValue(lab.scaleStep);
    m_axis->setCurrentIndex(lab.dim == 0 ? 0 : 1);
    m_mode->setCurrentIndex(lab.matrixMode ? 1 : 0);
    m_axis->setEnabled(lab.matrixMode);
    m_matrixControls->setVisible(lab.matrixMode);
    m_tables->setCurrentIndex(lab.matrixMode ? 1 : 0);
    {
        // The slice and method apply to the matrix about to be computed, not to the last one.
        const QSignalBlocker blockSlice(m_slice), blockMethod(m_matrixMethod);
        m_matrixMethod->setCurrentIndex(static_cast<int>(lab.matrixMethod));
        m_slice->setMaximum(std::max(m_slice->maximum(), lab.slice)); // the result sets the range
        m_slice->setValue(lab.slice);
    }
    m_input->setPlainText(QString::fromStdString(lab.matrixMode ? lab.matrix : lab.logits));
    m_otherText = lab.matrixMode ? lab.logits : lab.matrix;
    m_restoring = restoring;
}

void SoftmaxPage::setLab(const SoftmaxLab &lab)
{
    applyLab(lab);
    recompute();
}

void SoftmaxPage::saveSettings() const
{
    writeSoftmaxLab(lab());
}

void SoftmaxPage::restoreSettings()
{
    setLab(readSoftmaxLab(lab())); // the format stays the window's
}

} // namespace logitlab::ui
