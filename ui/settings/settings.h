#pragma once
/** \file
 * Every QSettings key the application uses, with its default, in one place. QSettings itself is
 * created with the organisation and application names that main() sets.
 */
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
const SettingKey &softmaxLogits(); ///< QString: LIST, default defaultSoftmaxLogits (sweep/softmaxsweep.h)
const SettingKey &softmaxMatrix(); ///< QString: matrix rows, one per line
const SettingKey &softmaxMatrixMode(); ///< bool
const SettingKey &softmaxAxis(); ///< int: 0 or 1 (PyTorch dim)
const SettingKey &softmaxTemperature(); ///< int: slider step k, scale = 10^(k/100), default 0 (scale 1)
const SettingKey &lossLogits(); ///< QString: LIST for the categorical cross-entropy
const SettingKey &lossLabel(); ///< int: the true class
const SettingKey &bceFrom(); ///< double: sweep start; the defaults of bce* are BceSweepInput's
const SettingKey &bceTo(); ///< double: sweep end
const SettingKey &bcePoints(); ///< int: sweep points
const SettingKey &bceLabel(); ///< QString: "0", "1" or a value in [0, 1]
const SettingKey &roundingExpressions(); ///< QStringList: the expression rows
} // namespace settings

/** The stored value of \a key, or its default. */
QVariant readSetting(const SettingKey &key);

/** Stores \a value under \a key. */
void writeSetting(const SettingKey &key, const QVariant &value);

} // namespace logitlab::ui
