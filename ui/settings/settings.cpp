#include "settings/settings.h"

#include "sweep/bcesweep.h"
#include "sweep/softmaxsweep.h"

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace logitlab::ui {
namespace settings {

#define LOGITLAB_SETTING(fn, key, def)                                                                                 \
    const SettingKey &fn()                                                                                             \
    {                                                                                                                  \
        static const SettingKey k {key, def};                                                                          \
        return k;                                                                                                      \
    }

LOGITLAB_SETTING(windowGeometry, "window/geometry", QByteArray())
LOGITLAB_SETTING(windowState, "window/state", QByteArray())
LOGITLAB_SETTING(lastPage, "window/page", 0)
LOGITLAB_SETTING(format, "format", QStringLiteral("float32"))
LOGITLAB_SETTING(zoom, "view/zoom", 1.0)
LOGITLAB_SETTING(highContrast, "view/highContrast", false)
LOGITLAB_SETTING(softmaxLogits, "softmax/logits",
    QString::fromLatin1(defaultSoftmaxLogits.data(), static_cast<qsizetype>(defaultSoftmaxLogits.size())))
LOGITLAB_SETTING(softmaxMatrix, "softmax/matrix", QStringLiteral("[[1, 2, 3],\n [1000, 2000, 3000]]"))
LOGITLAB_SETTING(softmaxMatrixMode, "softmax/matrixMode", false)
LOGITLAB_SETTING(softmaxAxis, "softmax/axis", 1)
LOGITLAB_SETTING(softmaxTemperature, "softmax/scaleStep", 0)
LOGITLAB_SETTING(lossLogits, "losses/logits", QStringLiteral("[2.0, 1.0, 0.1, -50]"))
LOGITLAB_SETTING(lossLabel, "losses/label", 3)
LOGITLAB_SETTING(bceFrom, "losses/bceFrom", BceSweepInput {}.from)
LOGITLAB_SETTING(bceTo, "losses/bceTo", BceSweepInput {}.to)
LOGITLAB_SETTING(bcePoints, "losses/bcePoints", BceSweepInput {}.points)
LOGITLAB_SETTING(bceLabel, "losses/bceLabel", QString::fromLatin1(BceSweepInput {}.label))
LOGITLAB_SETTING(roundingExpressions, "rounding/expressions",
    QStringList({QStringLiteral("2/10000"), QStringLiteral("(1+1/10000)-(1-1/10000)")}))

#undef LOGITLAB_SETTING

} // namespace settings

QVariant readSetting(const SettingKey &key)
{
    return QSettings().value(key.name(), key.defaultValue);
}

void writeSetting(const SettingKey &key, const QVariant &value)
{
    QSettings().setValue(key.name(), value);
}

} // namespace logitlab::ui
