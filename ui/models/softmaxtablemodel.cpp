// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/softmaxtablemodel.h"

#include "common/uitext.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <cmath>

namespace logitlab::ui {

QString softmaxMethodName(SoftmaxMethod m)
{
    switch (m) {
    case SoftmaxMethod::Naive: return SoftmaxTableModel::tr("naive");
    case SoftmaxMethod::Shifted: return SoftmaxTableModel::tr("shifted (z - max)");
    case SoftmaxMethod::LogSoftmax: return SoftmaxTableModel::tr("log-softmax");
    case SoftmaxMethod::Higham: return SoftmaxTableModel::tr("Higham (log1p)");
    case SoftmaxMethod::Online: return SoftmaxTableModel::tr("online (running max)");
    }
    return {};
}

QString softmaxMethodShortName(SoftmaxMethod m)
{
    switch (m) {
    case SoftmaxMethod::Naive: return SoftmaxTableModel::tr("naive");
    case SoftmaxMethod::Shifted: return SoftmaxTableModel::tr("shifted");
    case SoftmaxMethod::LogSoftmax: return SoftmaxTableModel::tr("log-softmax");
    case SoftmaxMethod::Higham: return SoftmaxTableModel::tr("Higham");
    case SoftmaxMethod::Online: return SoftmaxTableModel::tr("online");
    }
    return {};
}

namespace {
QString methodFormula(SoftmaxMethod m)
{
    switch (m) {
    case SoftmaxMethod::Naive: return SoftmaxTableModel::tr("naive: exp(z_i) / Σ exp(z_j)");
    case SoftmaxMethod::Shifted: return SoftmaxTableModel::tr("shifted: exp(z_i − max) / Σ exp(z_j − max)");
    case SoftmaxMethod::LogSoftmax: return SoftmaxTableModel::tr("log-softmax: exp(z_i − max − log Σ exp(z_j − max))");
    case SoftmaxMethod::Higham:
        return SoftmaxTableModel::tr("Higham: log-sum-exp with log1p of the sum without its largest term");
    case SoftmaxMethod::Online:
        return SoftmaxTableModel::tr(
            "online: one pass keeps the running max m and d = Σ exp(z_j − m), multiplying d by "
            "exp(m_old − m_new) when the max grows; then exp(z_i − m) / d");
    }
    return {};
}
} // namespace

bool SoftmaxTableModel::hasReference() const
{
    return m_report && m_report->reference.softmax.size() == m_report->logits.size() && !m_report->logits.empty();
}

void SoftmaxTableModel::setReport(std::shared_ptr<const SoftmaxReport> report)
{
    const bool sameShape = m_report && report && m_report->logits.size() == report->logits.size();
    if (!sameShape)
        beginResetModel();
    m_report = std::move(report);
    m_maxLogit = 0;
    if (m_report && !m_report->logits.empty())
        m_maxLogit = *std::max_element(m_report->logits.begin(), m_report->logits.end());
    if (!sameShape) {
        endResetModel();
    } else if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
}

int SoftmaxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_report ? 0 : static_cast<int>(m_report->logits.size());
}

int SoftmaxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 3 + 2 * static_cast<int>(allSoftmaxMethods.size());
}

QVariant SoftmaxTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (o == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section) : QVariant(tr("element i = %1").arg(section));
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case 0: return tip ? tr("index i of the logit") : tr("i");
    case 1: return tip ? tr("the logit z_i, rounded to the format (times the scale)") : tr("logit z");
    case 2: return tip ? tr("the exact softmax p_i (MPFR), correctly rounded to the format") : tr("reference");
    default: break;
    }
    const auto m = static_cast<SoftmaxMethod>((section - 3) / 2);
    if ((section - 3) % 2 == 0)
        return tip ? methodFormula(m) : softmaxMethodShortName(m);
    return tip ? tr("error of %1 in ULPs: |computed − exact| / ulp(exact); 0.5 or less is correctly rounded")
                     .arg(softmaxMethodShortName(m))
               : tr("ulp");
}

QString SoftmaxTableModel::explanation(int row, SoftmaxMethod m) const
{
    const SoftmaxReport &r = *m_report;
    const auto i = static_cast<std::size_t>(row);
    const SoftmaxMethodResult &res = r.method(m);
    const long double v = res.values[i];
    const FormatInfo &info = formatInfo(r.format);
    const QString fmt = formatText(r.format);
    const long double zmax = m_maxLogit;
    const bool known = hasReference();
    const bool refPositive = !known || r.reference.softmax[i] > 0;
    if (std::isnan(v)) {
        if (std::isnan(zmax))
            return tr("A NaN logit makes every probability NaN.");
        if (m == SoftmaxMethod::Naive && zmax > info.lnMax)
            return tr("exp(%1) = inf in %2 (above ln(max) = %3), so inf/inf = NaN.")
                .arg(numberText(zmax, r.format), fmt, logThresholdText(info.lnMax));
        if (m == SoftmaxMethod::Naive && zmax < info.lnMinSubnormal)
            return tr("Every exp(z_i) underflows to 0 in %1 (all z below ln(min subnormal) = %2), so 0/0 = NaN.")
                .arg(fmt, logThresholdText(info.lnMinSubnormal));
        if (std::isinf(zmax))
            return tr("An infinite logit gives inf - inf = NaN after the shift.");
        return tr("NaN from an invalid operation (inf/inf, 0/0 or inf - inf).");
    }
    if (std::isinf(v))
        return tr("inf: exp(z_i) overflowed in %1 (z_i above ln(max) = %2).").arg(fmt, logThresholdText(info.lnMax));
    if (v == 0 && refPositive && res.sumOverflow)
        return tr("Every exp(z_j) is finite in %1, but their sum overflowed to inf (above max = %2), so "
                  "p_i = finite / inf = 0.")
            .arg(fmt, numberText(info.maxValue, r.format));
    if (v == 0 && refPositive) {
        const long double arg = m == SoftmaxMethod::Naive ? r.logits[i] : r.logits[i] - zmax;
        if (m == SoftmaxMethod::LogSoftmax)
            return tr("p_i = exp(%1) underflows to 0 in %2, but the log-probability %1 stays accurate: "
                      "use it for losses.")
                .arg(numberText(res.logValues[i], r.format), fmt);
        if (!known)
            return tr("exp(%1) underflows to 0 in %2 (below ln(min subnormal) = %3).")
                .arg(numberText(arg, Format::Float80), fmt, logThresholdText(info.lnMinSubnormal));
        return tr("exp(%1) underflows to 0 in %2 (below ln(min subnormal) = %3); the true p_i is %4.")
            .arg(numberText(arg, Format::Float80), fmt, logThresholdText(info.lnMinSubnormal),
                tidyDigits(r.reference.softmax[i].toString(6)));
    }
    return {};
}

QVariant SoftmaxTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_report || !index.isValid())
        return {};
    const SoftmaxReport &r = *m_report;
    const auto i = static_cast<std::size_t>(index.row());
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool known = hasReference();
    const auto pending = [&]() -> QVariant {
        if (role == Qt::DisplayRole)
            return QStringLiteral("…");
        if (role == Qt::ToolTipRole)
            return tr("The exact MPFR reference is being computed…");
        if (role == Qt::ForegroundRole)
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    };
    if (c < 3) {
        if (c == 2 && !known)
            return pending();
        if (role == Qt::DisplayRole) {
            if (c == 0)
                return index.row();
            if (c == 1)
                return numberText(r.logits[i], r.format);
            return numberText(r.referenceRounded[i], r.format);
        }
        if (role == Qt::ToolTipRole && c == 2)
            return tr("Exact (MPFR): %1\nCorrectly rounded to %2: %3")
                .arg(tidyDigits(r.reference.softmax[i].toString(30)), formatText(r.format),
                    numberText(r.referenceRounded[i], r.format));
        return {};
    }
    const auto m = static_cast<SoftmaxMethod>((c - 3) / 2);
    const bool isUlp = (c - 3) % 2 == 1;
    const SoftmaxMethodResult &res = r.method(m);
    if (isUlp && (!known || res.ulpErrors.size() <= i))
        return pending();
    if (isUlp) {
        const double e = res.ulpErrors[i];
        if (role == Qt::DisplayRole)
            return ulpErrorText(e);
        if (role == Qt::BackgroundRole && !(e <= 2))
            return QBrush(QColor(0xff, 0xe3, 0xb8));
        if (role == Qt::ToolTipRole)
            return tr("|computed - exact| / ulp(exact) = %1; a correctly rounded result scores <= 0.5")
                .arg(numberText(e));
        return {};
    }
    const long double v = res.values[i];
    const QString why
        = (role == Qt::BackgroundRole || role == Qt::ToolTipRole) ? explanation(index.row(), m) : QString();
    if (role == Qt::DisplayRole)
        return numberText(v, r.format);
    if (role == Qt::BackgroundRole && !why.isEmpty()) {
        if (std::isnan(v))
            return QBrush(QColor(0xf4, 0xb6, 0xb6));
        if (std::isinf(v))
            return QBrush(QColor(0xf7, 0xc8, 0x8f));
        return QBrush(QColor(0xfa, 0xee, 0x9a));
    }
    if (role == Qt::ToolTipRole) {
        QString tip = why;
        if (!res.logValues.empty())
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n"))
                + tr("log p_i = %1").arg(numberText(res.logValues[i], r.format));
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    return {};
}

} // namespace logitlab::ui
