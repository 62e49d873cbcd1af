// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Help > Limits of exp: the exp-limits table of core/precision/explimits.h for every format
 * (epsilon, max, min normal, min subnormal, ln(max), and the arguments where exp stops being
 * finite, nonzero and normal), the format in use highlighted, the exact thresholds as tooltips.
 */
#include "precision/format.h"

#include <QDialog>

class QTableWidget;

namespace logitlab::ui {

/** \brief The exp-limits table, d2l's exercise answered for every format. */
class ExpLimitsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExpLimitsDialog(Format current, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    /** The table as CSV (header row, one row per format; values that read back exactly). */
    QString csv() const;

private:
    QTableWidget *m_table = nullptr;
};

} // namespace logitlab::ui
