// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/explimitsdialog.h"

#include "common/uitext.h"
#include "precision/explimits.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace logitlab::ui {

ExpLimitsDialog::ExpLimitsDialog(Format current, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Limits of exp in each format"));
    setObjectName(QStringLiteral("expLimitsDialog"));
    auto *layout = new QVBoxLayout(this);
    const QStringList headers {tr("epsilon"), tr("max"), tr("min normal"), tr("min subnormal"), tr("ln(max)"),
        tr("largest x,\nexp(x) finite"), tr("smallest x,\nexp(x) > 0"), tr("smallest x,\nexp(x) normal")};
    m_table = new QTableWidget(static_cast<int>(allFormats.size()), static_cast<int>(headers.size()));
    m_table->setObjectName(QStringLiteral("expLimitsTable"));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (std::size_t i = 0; i < allFormats.size(); ++i) {
        const Format f = allFormats[i];
        const ExpLimits l = expLimits(f);
        const int row = static_cast<int>(i);
        m_table->setVerticalHeaderItem(row, new QTableWidgetItem(formatText(f)));
        // 16-bit values as float32 prints them: float16's max reads "65504", not the shortest "65500"
        // (both read back to it); the familiar figure is the exact one.
        const Format shown = formatInfo(f).precision < formatInfo(Format::Float32).precision ? Format::Float32 : f;
        const auto set = [&](int col, long double v, const QString &tip = QString()) {
            auto *item = new QTableWidgetItem(numberText(v, shown));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(tip);
            if (f == current) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(row, col, item);
        };
        const auto q = [](const std::string &s) { return QString::fromStdString(s); };
        set(0, l.epsilon, tr("2^(1 − p): the gap between 1 and the next value"));
        set(1, l.maxValue);
        set(2, l.minNormal);
        set(3, l.minSubnormal);
        set(4, l.lnMax,
            tr("ln(max) = %1; rounded to %2 it may lie past the largest finite x")
                .arg(q(l.lnMaxDigits), formatText(f)));
        set(5, l.largestFinite, tr("exp(x) rounds to inf for every x > %1").arg(q(l.overflowDigits)));
        set(6, l.smallestPositive, tr("exp(x) rounds to 0 for every x < %1").arg(q(l.zeroDigits)));
        set(7, l.smallestNormal, tr("exp(x) is subnormal or 0 for every x < %1").arg(q(l.subnormalDigits)));
        if (f == current)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth()
        + m_table->horizontalScrollBar()->sizeHint().height();
    for (int r = 0; r < m_table->rowCount(); ++r)
        height += m_table->rowHeight(r);
    m_table->setFixedHeight(height); // every format visible, whatever the font
    layout->addWidget(m_table);
    auto *text = new QLabel(
        tr("Each x is a value of the format, and exp(x) is the exact exponential rounded once to it. Between "
           "<i>smallest x, exp(x) &gt; 0</i> and <i>largest x, exp(x) finite</i>, exp neither underflows to 0 nor "
           "overflows to inf; below <i>smallest x, exp(x) normal</i> it loses precision in the subnormals. Naive "
           "softmax overflows once a logit passes the largest x: 88.72 in float32, 11.09 in float16. Hover over a "
           "value for the exact real threshold; the values read back exactly."));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("Copy as CSV"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(csv()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // As wide as the table, within the screen (a 1024-wide projector scrolls the table instead).
    const int screenWidth = parent && parent->screen() ? parent->screen()->availableGeometry().width() : 1024;
    const int width
        = std::min(screenWidth - 40, m_table->horizontalHeader()->length() + m_table->verticalHeader()->width() + 60);
    resize(width, layout->hasHeightForWidth() ? layout->totalHeightForWidth(width) : sizeHint().height());
}

QString ExpLimitsDialog::csv() const
{
    QStringList lines;
    QStringList header {QStringLiteral("dtype")};
    for (int c = 0; c < m_table->columnCount(); ++c)
        header << m_table->horizontalHeaderItem(c)->text().replace(QLatin1Char('\n'), QLatin1Char(' '));
    const auto quoted = [](QString s) {
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    QStringList h;
    for (const QString &s : header)
        h << quoted(s);
    lines << h.join(QLatin1Char(','));
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList row {quoted(QString::fromLatin1(formatName(allFormats[static_cast<std::size_t>(r)]).data()))};
        for (int c = 0; c < m_table->columnCount(); ++c)
            row << m_table->item(r, c)->text();
        lines << row.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace logitlab::ui
