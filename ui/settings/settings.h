// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Every QSettings key the application uses, with its default, in one place. QSettings itself is
 * created with the organisation and application names that main() sets. The labs' keys hold
 * fields of the labs' values (core/lab/), whose defaults are theirs.
 */
#include "lab/losslab.h"
#include "lab/roundinglab.h"
#include "lab/softmaxlab.h"

#include <QString>
#include <QVariant>

namespace logitlab::ui {

/** \brief One settings key and the value used when it has never been written. */
struct SettingKey {
    const char *key;
    QVariant defaultValue;

    QString name() const { return QString::fromLatin1(key); }
};

/** \brief The keys: window state, the chosen format and page, and each lab's inputs. */
namespace settings {
const SettingKey &windowGeometry(); ///< QByteArray from QWidget::saveGeometry()
const SettingKey &windowState(); ///< QByteArray from QMainWindow::saveState()
const SettingKey &lastPage(); ///< int: 0 Softmax, 1 Losses, 2 Rounding
const SettingKey &format(); ///< QString: formatName(), default "float32"
const SettingKey &zoom(); ///< double: presentation zoom, 1 to 3, default 1
const SettingKey &highContrast(); ///< bool: high-contrast palette, default false
const SettingKey &recentLessons(); ///< QStringList: lesson files opened or saved, newest first
// The labs' inputs: one key per field of SoftmaxLab, LossLab and RoundingLab, defaults from `XLab {}`.
const SettingKey &softmaxLogits(); ///< QString: SoftmaxLab::logits
const SettingKey &softmaxMatrix(); ///< QString: SoftmaxLab::matrix
const SettingKey &softmaxMatrixMode(); ///< bool: SoftmaxLab::matrixMode
const SettingKey &softmaxAxis(); ///< int: SoftmaxLab::dim
const SettingKey &softmaxSlice(); ///< int: SoftmaxLab::slice
const SettingKey &softmaxMatrixMethod(); ///< QString: softmaxMethodKey(SoftmaxLab::matrixMethod)
const SettingKey &softmaxTemperature(); ///< int: SoftmaxLab::scaleStep
const SettingKey &lossLogits(); ///< QString: LossLab::logits
const SettingKey &lossLabel(); ///< int: LossLab::label
const SettingKey &bceFrom(); ///< double: LossLab::bce.from
const SettingKey &bceTo(); ///< double: LossLab::bce.to
const SettingKey &bcePoints(); ///< int: LossLab::bce.points
const SettingKey &bceLabel(); ///< QString: LossLab::bce.label
const SettingKey &roundingExpressions(); ///< QStringList: RoundingLab::expressions
} // namespace settings

// A lab's format is the window's (settings::format()); the fields a window cannot change
// (RoundingLab's report formats and cancellation points) are not stored, so a lesson's choice
// does not outlive it. Each read* returns \a base with the stored fields replaced.

/** The Softmax lab as last saved. */
SoftmaxLab readSoftmaxLab(SoftmaxLab base = {});
void writeSoftmaxLab(const SoftmaxLab &lab);
/** The Losses lab as last saved. */
LossLab readLossLab(LossLab base = {});
void writeLossLab(const LossLab &lab);
/** The Rounding lab as last saved (its expressions). */
RoundingLab readRoundingLab(RoundingLab base = {});
void writeRoundingLab(const RoundingLab &lab);

/** The stored value of \a key, or its default. */
QVariant readSetting(const SettingKey &key);

/** Stores \a value under \a key. */
void writeSetting(const SettingKey &key, const QVariant &value);

} // namespace logitlab::ui
