// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/roundingpage.h"

#include "common/appearance.h"
#include "common/uitext.h"
#include "expr/expressionresult.h"
#include "pages/formulapanel.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"
#include "precision/floatanatomy.h"
#include "settings/settings.h"

#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace logitlab::ui {

namespace {

/** The three fields as coloured cells: sign (red), exponent (blue), significand (green). */
QString bitsHtml(const FloatAnatomy &a)
{
    const auto cell = [](const std::string &bits, const char *color) {
        return QStringLiteral("<span style='background:%1;font-family:monospace'>%2</span>")
            .arg(QLatin1String(color), QString::fromStdString(bits));
    };
    return cell(a.signBit, "#f6b5b5") + QStringLiteral(" ") + cell(a.exponentBits, "#b5cdf6") + QStringLiteral(" ")
        + cell(a.mantissaBits, "#bfe8bf");
}

/** Number of significant digits of a plain decimal such as "0.000199999994947575" (18). */
int significantDigits(const std::string &decimal)
{
    int count = 0;
    bool started = false;
    for (char c : decimal) {
        if (c < '0' || c > '9')
            continue;
        started = started || c != '0';
        count += started;
    }
    return count;
}

/** Long digit strings cut into lines of 64 so that a tooltip stays on screen. */
QString wrappedDigits(const QString &digits, int maxLines)
{
    QStringList lines;
    for (qsizetype i = 0; i < digits.size() && lines.size() < maxLines; i += 64)
        lines << digits.mid(i, 64);
    if (digits.size() > 64 * maxLines)
        lines
            << RoundingPage::tr("… %1 more characters: see the box under the table").arg(digits.size() - 64 * maxLines);
    return lines.join(QLatin1Char('\n'));
}

QFont monospace()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSizeF(std::max(f.pointSizeF(), 11.0) * zoom());
    return f;
}

/**
 * The typed text with the offending characters underlined in red, cut to about 60 characters
 * around them, as HTML: the mark sits under the field instead of moving its cursor.
 */
QString errorPointer(const std::string &text, const ExprError &e)
{
    const QString all = QString::fromStdString(text);
    const int begin = std::min(utf16Index(text, e.position), static_cast<int>(all.size()));
    const int end = std::max(begin + 1, utf16Index(text, e.position + e.length));
    const int from = std::max(0, begin - 30), to = std::min(static_cast<int>(all.size()), end + 30);
    const QString bad = begin < all.size() ? all.mid(begin, end - begin) : QStringLiteral("\u2038"); // ‸ at the end
    return (from > 0 ? QStringLiteral("…") : QString()) + all.mid(from, begin - from).toHtmlEscaped()
        + QStringLiteral("<span style='color:#b00000;background:#ffd0d0;text-decoration:underline'>%1</span>")
              .arg(bad.toHtmlEscaped())
        + all.mid(end, to - end).toHtmlEscaped() + (to < all.size() ? QStringLiteral("…") : QString());
}

constexpr qsizetype shownDigits = 44; ///< exact decimals longer than this are cut in the table

/** Why the exact value of \a r is what is shown: its value, or how far it was determined and its bounds. */
QString exactMessage(const ExpressionResult &r)
{
    const QString exact = tidyDigits(r.exactDigits);
    if (r.exactKnown)
        return significantDigits(r.exactDigits) < 34
            ? RoundingPage::tr("exact value: %1").arg(exact)
            : RoundingPage::tr("exact value ≈ %1 (34 significant digits)").arg(exact);
    const QString lower = tidyDigits(r.exactLowerDigits), upper = tidyDigits(r.exactUpperDigits);
    if (r.exactStatus == ExactStatus::BeyondRange)
        return r.exactUpperDigits == "inf"
            ? RoundingPage::tr("exact value beyond the range of the reference (MPFR): greater than %1; every "
                               "format rounds it to inf")
                  .arg(lower)
            : RoundingPage::tr("exact value beyond the range of the reference (MPFR): less than %1; every "
                               "format rounds it to -inf")
                  .arg(upper);
    QString message = r.exactStatus == ExactStatus::PrecisionLimit
        ? RoundingPage::tr("exact value not determined to %1 bits (the limit); it lies between %2 and %3")
              .arg(r.exactBits)
              .arg(lower, upper)
        : RoundingPage::tr("exact value not determined to %1 bits within the %2 s budget; it lies between %3 and %4")
              .arg(r.exactBits)
              .arg(static_cast<double>(defaultExactTime.count()) / 1000)
              .arg(lower, upper);
    if (!mpfr::isnan(r.exact))
        message += QLatin1Char(' ')
            + RoundingPage::tr("Its first 34 digits are known, %1, but not which float it rounds to in every format.")
                  .arg(exact);
    return message;
}

} // namespace

/** \brief A row's evaluation: its job off the GUI thread (the newest text wins) and the last result. */
struct RowEvaluation {
    /** \brief What the job computes: every format's result and the stored values' anatomy. */
    struct Result {
        QString text; ///< the text evaluated
        std::vector<ExpressionResult> results; ///< one per format of allFormats
        std::vector<FloatAnatomy> anatomy;
    };
    std::unique_ptr<AsyncJob<Result>> job;
    Result last; ///< shown in the table
    bool hasResult = false;
    bool pending = false; ///< a job for the current text has not reported yet
    bool typingError = false; ///< the text does not parse: the message shows why, the table the last result
};

RoundingPage::RoundingPage(QWidget *parent)
    : LabPage(parent),
      m_job(
          this, [this](const CancellationSweep &s) { applySweep(s); }, {}, sweepPool())
{
    // The page scrolls vertically on a short screen or at a large zoom, never squashing the plot.
    QWidget *content = makeScrollingContent(600);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(new FormulaPanel(
        tr("<b>Every operation rounds.</b> 1/10000 is not a binary fraction, so 2/10000 is stored as the nearest "
           "float; its exact decimal expansion shows what is really stored. In (1 + 1/n) − (1 − 1/n) the "
           "subtraction is exact but it exposes the rounding of 1 ± 1/n: the relative error grows like "
           "ε·n (catastrophic cancellation). Errors are measured against the exact value (MPFR)."),
        this));

    auto *split = new QSplitter(Qt::Vertical, this);
    layout->addWidget(split, 1);
    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    // At least one whole expression (input, table, detail) in view; the page scrolls for the rest.
    scroll->setMinimumHeight(fontMetrics().lineSpacing() * 17);
    auto *rowsWidget = new QWidget;
    auto *rowsOuter = new QVBoxLayout(rowsWidget);
    m_rowsLayout = new QVBoxLayout;
    rowsOuter->addLayout(m_rowsLayout);
    auto *add = new QPushButton(tr("Add expression"), rowsWidget);
    add->setObjectName(QStringLiteral("addExpression"));
    connect(
        add, &QPushButton::clicked, this, [this] { addExpression(QString::fromLatin1(RoundingLab::newExpression)); });
    rowsOuter->addWidget(add, 0, Qt::AlignLeft);
    rowsOuter->addStretch(1);
    scroll->setWidget(rowsWidget);
    split->addWidget(scroll);

    m_plotPanel = new PlotPanel(tr("Relative error of (1 + 1/n) − (1 − 1/n) vs n"), split);
    split->addWidget(m_plotPanel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({440, 400});
    QCustomPlot *p = m_plotPanel->plot();
    for (QCPAxis *axis : {p->xAxis, p->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    }
    p->xAxis->setLabel(tr("n"));
    p->yAxis->setLabel(tr("relative error"));
    m_plotPanel->setTitle(tr("Relative error of (1 + 1/n) − (1 − 1/n) vs n (exact value 2/n; dashed: ε·n)"));
    for (std::size_t f = 0; f < allFormats.size(); ++f) {
        QCPGraph *g = p->addGraph();
        g->setName(formatText(allFormats[f]));
        g->setPen(QPen(seriesColor(static_cast<int>(f)), 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
    }
    for (std::size_t f = 0; f < allFormats.size(); ++f) {
        QCPGraph *g = p->addGraph();
        g->setName(tr("ε·n %1").arg(formatText(allFormats[f])));
        g->setPen(QPen(seriesColor(static_cast<int>(f)), 1, Qt::DashLine));
        g->removeFromLegend();
    }
    m_plotPanel->setLegendBelow(5);

    startSweep();
}

void RoundingPage::startSweep()
{
    m_job.start([points = m_cancellation.points](QPromise<CancellationSweep> &promise) {
        CancellationSweep s = computeCancellationSweep(points, [&promise] { return promise.isCanceled(); });
        if (!promise.isCanceled())
            promise.addResult(std::move(s));
    });
}

RoundingPage::~RoundingPage() = default;

QList<QWidget *> RoundingPage::resultViews() const
{
    QList<QWidget *> views;
    for (const ExpressionRow &row : m_rows)
        views << row.message << row.table << row.detail;
    return views;
}

QList<PlotPanel *> RoundingPage::plots() const
{
    return {m_plotPanel};
}

bool RoundingPage::isBusy() const
{
    return m_job.isRunning() || isEvaluating();
}

bool RoundingPage::isEvaluating() const
{
    return std::any_of(m_rows.begin(), m_rows.end(), [](const ExpressionRow &r) { return r.evaluation->pending; });
}

void RoundingPage::changeEvent(QEvent *event)
{
    // Zoom: the tables are sized to their text, so lay them out again in the new font.
    if (event->type() == QEvent::FontChange)
        for (ExpressionRow &r : m_rows)
            showResult(r);
    LabPage::changeEvent(event);
}

void RoundingPage::setFormat(Format f)
{
    m_format = f;
    for (ExpressionRow &r : m_rows)
        showResult(r); // the format only changes which table row stands out
}

int RoundingPage::addExpression(const QString &text)
{
    ExpressionRow row;
    auto *box = new QGroupBox;
    row.box = box;
    auto *v = new QVBoxLayout(box);
    auto *h = new QHBoxLayout;
    row.input = new QLineEdit(text, box);
    row.input->setPlaceholderText(tr("e.g. 2/10000, exp(100), (1+1/10000)-(1-1/10000)"));
    h->addWidget(row.input, 1);
    auto *remove = new QPushButton(tr("Remove"), box);
    h->addWidget(remove);
    v->addLayout(h);
    row.message = new QLabel(box);
    row.message->setWordWrap(true);
    row.busy = new QProgressBar(box);
    row.busy->setRange(0, 0); // busy: no percentage, the exact value's precision doubles until it is known
    row.busy->setTextVisible(false);
    row.busy->setMaximumHeight(fontMetrics().height() / 2);
    row.busy->setToolTip(tr("Computing the exact value (at most %1 bits and %2 s)")
                             .arg(ExactBudget {}.maxBits)
                             .arg(static_cast<double>(defaultExactTime.count()) / 1000));
    row.busy->hide();
    v->addWidget(row.busy);
    v->addWidget(row.message);
    row.table = new QTableWidget(static_cast<int>(allFormats.size()), ColumnCount, box);
    // Headers and their tooltips by column, whatever the order of the Column enum.
    QStringList headers(ColumnCount), headerTips(ColumnCount);
    const auto header = [&](Column c, const QString &text, const QString &tip) {
        headers[c] = text;
        headerTips[c] = tip;
    };
    header(ValueCol, tr("stored value"), tr("The shortest decimal that reads back to the stored value"));
    header(ExactDecimalCol, tr("exact decimal of the stored value"),
        tr("Every binary float is a finite decimal: this is exactly what is stored. Select a row to see all "
           "digits below."));
    header(HexCol, tr("hex"), tr("The stored bits in hexadecimal"));
    header(NextCol, tr("next"), tr("The next larger value of the format"));
    header(PreviousCol, tr("previous"), tr("The next smaller value of the format"));
    header(AbsCol, tr("abs error"), tr("|stored − exact|"));
    header(RelCol, tr("rel error"), tr("|stored − exact| / |exact|"));
    header(UlpCol, tr("ULP error"), tr("|stored − exact| in units in the last place of the format"));
    header(BitsCol, tr("bits: sign | exponent | significand"),
        tr("Sign (red), exponent (blue) and significand (green) bits"));
    row.table->setHorizontalHeaderLabels(headers);
    for (int c = 0; c < ColumnCount; ++c)
        row.table->horizontalHeaderItem(c)->setToolTip(headerTips[c]);
    row.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    row.table->setSelectionMode(QAbstractItemView::SingleSelection);
    row.table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    row.table->setTextElideMode(Qt::ElideMiddle);
    QStringList formats;
    for (Format f : allFormats)
        formats << formatText(f);
    row.table->setVerticalHeaderLabels(formats);
    row.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    row.table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    v->addWidget(row.table);
    row.detail = new QTextBrowser(box);
    row.detail->setObjectName(QStringLiteral("exactDetail"));
    row.detail->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    fixHeightInLines(row.detail, 4, 14);
    row.detail->setToolTip(tr("The selected format's stored value in full: every digit, every bit"));
    v->addWidget(row.detail);
    m_rowsLayout->addWidget(box);
    row.evaluation = std::make_shared<RowEvaluation>();
    RowEvaluation *evaluation = row.evaluation.get();
    row.evaluation->job = std::make_unique<AsyncJob<RowEvaluation::Result>>(
        this, [this, evaluation](const RowEvaluation::Result &result) {
            for (ExpressionRow &r : m_rows)
                if (r.evaluation.get() == evaluation) {
                    evaluation->last = result;
                    evaluation->hasResult = true;
                    evaluation->pending = false;
                    showResult(r);
                }
        });
    m_rows.append(row);
    const int index = static_cast<int>(m_rows.size()) - 1;
    QLineEdit *input = row.input;
    connect(input, &QLineEdit::textChanged, this, [this, input] {
        for (ExpressionRow &r : m_rows)
            if (r.input == input)
                evaluate(r);
    });
    connect(row.table, &QTableWidget::currentCellChanged, this, [this, box](int r) {
        for (int i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].box == box)
                showDetail(i, r);
    });
    connect(remove, &QPushButton::clicked, this, [this, box] {
        for (int i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].box == box)
                return removeExpression(i);
    });
    evaluate(m_rows.last());
    return index;
}

void RoundingPage::removeExpression(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    // Hidden now: deleteLater() waits for the event loop, which a headless export or a lesson's
    // scene change (setLab removes every row) may not return to before the next grab.
    m_rows[index].box->hide();
    m_rows[index].box->deleteLater();
    m_rows.removeAt(index);
}

void RoundingPage::evaluate(ExpressionRow &row)
{
    const std::string text = row.input->text().toStdString();
    auto parsed = parseExpression(text);
    RowEvaluation &evaluation = *row.evaluation;
    if (const auto *e = std::get_if<ExprError>(&parsed)) {
        // Mark the error beside the text only: selecting the bad character while the user types
        // made the next key replace it ("(1+2)*3" became "+2*31").
        evaluation.typingError = true;
        row.input->setStyleSheet(QStringLiteral("QLineEdit { background: #ffe0e0; }"));
        row.input->setToolTip(exprErrorMessage(*e, text));
        row.message->setText(QStringLiteral("<span style='color:#b00000'>%1</span><br><span "
                                            "style='font-family:monospace;white-space:pre'>%2</span> %3")
                                 .arg(exprErrorMessage(*e, text).toHtmlEscaped(), errorPointer(text, *e),
                                     tr("(showing the last valid result)")));
        return;
    }
    evaluation.typingError = false;
    row.input->setStyleSheet(QString());
    row.input->setToolTip(QString());
    // Off the GUI thread: an exact value can take its whole budget (2 s), and every key starts a
    // new job that cancels the one before, so typing never waits for a result.
    evaluation.pending = true;
    const auto expr = std::make_shared<const Expression>(std::get<Expression>(std::move(parsed)));
    evaluation.job->start([expr, typed = row.input->text()](QPromise<RowEvaluation::Result> &promise) {
        ExactBudget budget;
        budget.cancelled = [&promise] { return promise.isCanceled(); };
        RowEvaluation::Result result {typed, evaluateInFormats(*expr, allFormats, budget), {}};
        if (promise.isCanceled())
            return;
        for (const ExpressionResult &r : result.results)
            result.anatomy.push_back(anatomize(r.value, r.format));
        promise.addResult(std::move(result));
    });
    // The busy bar appears only if the result is slow to come, so fast results do not flicker.
    QTimer::singleShot(150, row.busy, [busy = row.busy, weak = std::weak_ptr<RowEvaluation>(row.evaluation)] {
        if (const auto e = weak.lock())
            busy->setVisible(e->pending);
    });
}

void RoundingPage::showResult(ExpressionRow &row)
{
    const RowEvaluation &evaluation = *row.evaluation;
    row.busy->setVisible(evaluation.pending && row.busy->isVisible());
    if (!evaluation.hasResult)
        return;
    const QFont mono = monospace();
    for (std::size_t fi = 0; fi < allFormats.size(); ++fi) {
        const Format f = allFormats[fi];
        const ExpressionResult &r = evaluation.last.results[fi];
        const FloatAnatomy &a = evaluation.last.anatomy[fi];
        const int rowIndex = static_cast<int>(fi);
        const auto set = [&](int col, const QString &t, const QString &tip = {}) {
            auto *item = new QTableWidgetItem(t);
            item->setToolTip(tip.isEmpty() ? t : tip);
            if (f == m_format) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(QColor(0xe8, 0xf0, 0xff));
            }
            row.table->setItem(rowIndex, col, item);
            return item;
        };
        const QString value = numberText(r.value, f);
        set(ValueCol, value);
        const QString decimal = QString::fromStdString(a.exactDecimal);
        const int digits = significantDigits(a.exactDecimal);
        const bool cut = decimal.size() > shownDigits;
        QTableWidgetItem *exactItem = set(ExactDecimalCol,
            cut ? decimal.left(shownDigits - 8) + QStringLiteral("… ") + tr("(%1 digits)").arg(digits) : decimal,
            tr("%1 significant digits:\n%2").arg(digits).arg(wrappedDigits(decimal, 24)));
        exactItem->setData(FullTextRole, decimal);
        exactItem->setFont(mono);
        auto *bits = new QLabel(bitsHtml(a));
        bits->setTextFormat(Qt::RichText);
        bits->setToolTip(tr("sign | exponent (%1 bits) | significand").arg(a.exponentBits.size()));
        row.table->setCellWidget(rowIndex, BitsCol, bits);
        set(HexCol, QString::fromStdString(a.hex))->setFont(mono);
        set(NextCol, numberText(a.next, f));
        set(PreviousCol, numberText(a.previous, f));
        if (!r.exactKnown && mpfr::isnan(r.exact) && r.exactStatus != ExactStatus::BeyondRange) {
            // Only bounds are known: an error would be a guess.
            const QString why = tr("The exact value is not determined, so neither is the error");
            for (int col : {AbsCol, RelCol, UlpCol})
                set(col, tr("unknown"), why);
        } else {
            set(AbsCol, errorText(r.absError), numberText(r.absError));
            set(RelCol, errorText(r.relError), numberText(r.relError));
            set(UlpCol, ulpErrorText(r.ulpError),
                std::isnan(r.exactRounded)
                    ? tr("%1 ULP from the exact value; which float it rounds to is not decided")
                          .arg(numberText(r.ulpError))
                    : tr("%1 ULP from the exact value; %2 floats from the correctly rounded value")
                          .arg(numberText(r.ulpError), numberText(r.ulpDistance)));
        }
        // The detail pane's text for this format: the whole expansion (plain text, escaped), bits, hex.
        const QString detail
            = tr("<b>%1</b> stores <b>%2</b>; exactly (%3 significant digits):").arg(formatText(f), value).arg(digits)
            + QStringLiteral("<br><span style='font-family:monospace'>%1</span><br>").arg(decimal.toHtmlEscaped())
            + tr("bits %1 &nbsp; hex <span style='font-family:monospace'>%2</span>")
                  .arg(bitsHtml(a), QString::fromStdString(a.hex));
        row.table->item(rowIndex, ValueCol)->setData(DetailRole, detail);
        if (r.nan || r.overflow || r.underflow) {
            QStringList why;
            if (r.nan)
                why << tr("an operation gave NaN");
            if (r.overflow)
                why << tr("an operation overflowed to inf");
            if (r.underflow)
                why << tr("an operation underflowed");
            row.table->item(rowIndex, ValueCol)->setBackground(QColor(0xfa, 0xee, 0x9a));
            row.table->item(rowIndex, ValueCol)->setToolTip(why.join(QStringLiteral("; ")));
        }
    }
    const ExpressionResult &first = evaluation.last.results.front(); // the exact value is the same in every row
    const QString exact = first.exactKnown || !mpfr::isnan(first.exact) ? tidyDigits(first.exactDigits)
        : first.exactStatus != ExactStatus::BeyondRange                 ? tr("not determined")
        : first.exactUpperDigits == "inf" ? tr("> %1").arg(tidyDigits(first.exactLowerDigits))
                                          : tr("< %1").arg(tidyDigits(first.exactUpperDigits));
    if (!evaluation.typingError)
        row.message->setText(exactMessage(first));
    row.table->resizeColumnsToContents();
    int h = row.table->horizontalHeader()->height() + 2 * row.table->frameWidth();
    for (int i = 0; i < row.table->rowCount(); ++i)
        h += row.table->rowHeight(i);
    row.table->setFixedHeight(h + row.table->horizontalScrollBar()->sizeHint().height());
    const int formatRow
        = static_cast<int>(std::find(allFormats.begin(), allFormats.end(), m_format) - allFormats.begin());
    const int selected = row.table->currentRow() >= 0 ? row.table->currentRow() : formatRow;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].box == row.box) {
            showDetail(i, selected);
            Q_EMIT statusMessage(tr("%1 = %2 in %3 (exact value %4)")
                                     .arg(evaluation.last.text, row.table->item(formatRow, ValueCol)->text(),
                                         formatText(m_format), exact));
            Q_EMIT expressionEvaluated(i);
        }
}

void RoundingPage::showDetail(int index, int formatRow)
{
    if (index < 0 || index >= m_rows.size())
        return;
    const ExpressionRow &row = m_rows[index];
    const QTableWidgetItem *item = row.table->item(formatRow, ValueCol);
    row.detail->setHtml(item ? item->data(DetailRole).toString() : QString());
}

void RoundingPage::applySweep(const CancellationSweep &s)
{
    m_sweep = s;
    QCustomPlot *p = m_plotPanel->plot();
    const QVector<double> n(s.n.begin(), s.n.end());
    for (std::size_t f = 0; f < allFormats.size(); ++f) {
        QVector<double> err;
        for (std::size_t i = 0; i < s.n.size(); ++i) {
            const double e = s.relativeError[f][i];
            err.append(e > 0 && std::isfinite(e) ? e : std::numeric_limits<double>::quiet_NaN());
        }
        p->graph(static_cast<int>(f))->setData(n, err, true);
        p->graph(static_cast<int>(f + allFormats.size()))
            ->setData(n, QVector<double>(s.epsilonN[f].begin(), s.epsilonN[f].end()), true);
    }
    p->xAxis->setRange(0.8, 1.3e8);
    p->yAxis->setRange(1e-22, 10);
    p->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT sweepUpdated();
}

RoundingLab RoundingPage::lab() const
{
    RoundingLab lab;
    lab.expressions.clear();
    for (const ExpressionRow &r : m_rows)
        lab.expressions.push_back(r.input->text().toStdString());
    lab.format = m_format;
    lab.formats = m_formats;
    lab.cancellation = m_cancellation;
    return lab;
}

void RoundingPage::setLab(const RoundingLab &lab)
{
    while (!m_rows.isEmpty())
        removeExpression(0);
    setFormat(lab.format);
    for (const std::string &e : lab.expressions)
        addExpression(QString::fromStdString(e));
    m_formats = lab.formats;
    if (lab.cancellation != m_cancellation) {
        m_cancellation = lab.cancellation;
        startSweep();
    }
}

void RoundingPage::saveSettings() const
{
    writeRoundingLab(lab());
}

void RoundingPage::restoreSettings()
{
    setLab(readRoundingLab(lab())); // the format stays the window's
}

} // namespace logitlab::ui
