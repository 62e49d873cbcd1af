// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settings.h"

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace logitlab::ui {
namespace {

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QStringList texts(const std::vector<std::string> &list)
{
    QStringList out;
    for (const std::string &s : list)
        out << text(s);
    return out;
}

} // namespace

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
LOGITLAB_SETTING(recentLessons, "lessons/recent", QStringList())
LOGITLAB_SETTING(highContrast, "view/highContrast", false)
LOGITLAB_SETTING(softmaxLogits, "softmax/logits", text(SoftmaxLab {}.logits))
LOGITLAB_SETTING(softmaxMatrix, "softmax/matrix", text(SoftmaxLab {}.matrix))
LOGITLAB_SETTING(softmaxMatrixMode, "softmax/matrixMode", SoftmaxLab {}.matrixMode)
LOGITLAB_SETTING(softmaxAxis, "softmax/axis", SoftmaxLab {}.dim)
LOGITLAB_SETTING(softmaxSlice, "softmax/slice", SoftmaxLab {}.slice)
LOGITLAB_SETTING(softmaxMatrixMethod, "softmax/matrixMethod", text(softmaxMethodKey(SoftmaxLab {}.matrixMethod)))
LOGITLAB_SETTING(softmaxTemperature, "softmax/scaleStep", SoftmaxLab {}.scaleStep)
LOGITLAB_SETTING(lossLogits, "losses/logits", text(LossLab {}.logits))
LOGITLAB_SETTING(lossLabel, "losses/label", LossLab {}.label)
LOGITLAB_SETTING(bceFrom, "losses/bceFrom", LossLab {}.bce.from)
LOGITLAB_SETTING(bceTo, "losses/bceTo", LossLab {}.bce.to)
LOGITLAB_SETTING(bcePoints, "losses/bcePoints", LossLab {}.bce.points)
LOGITLAB_SETTING(bceLabel, "losses/bceLabel", text(LossLab {}.bce.label))
LOGITLAB_SETTING(roundingExpressions, "rounding/expressions", texts(RoundingLab {}.expressions))

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

namespace {

std::string readText(const SettingKey &key)
{
    return readSetting(key).toString().toStdString();
}

} // namespace

SoftmaxLab readSoftmaxLab(SoftmaxLab lab)
{
    lab.logits = readText(settings::softmaxLogits());
    lab.matrix = readText(settings::softmaxMatrix());
    lab.matrixMode = readSetting(settings::softmaxMatrixMode()).toBool();
    lab.dim = readSetting(settings::softmaxAxis()).toInt();
    lab.slice = readSetting(settings::softmaxSlice()).toInt();
    const std::string method = readText(settings::softmaxMatrixMethod());
    for (SoftmaxMethod m : allSoftmaxMethods)
        if (softmaxMethodKey(m) == method)
            lab.matrixMethod = m;
    lab.scaleStep = readSetting(settings::softmaxTemperature()).toInt();
    return lab;
}

void writeSoftmaxLab(const SoftmaxLab &lab)
{
    writeSetting(settings::softmaxLogits(), text(lab.logits));
    writeSetting(settings::softmaxMatrix(), text(lab.matrix));
    writeSetting(settings::softmaxMatrixMode(), lab.matrixMode);
    writeSetting(settings::softmaxAxis(), lab.dim);
    writeSetting(settings::softmaxSlice(), lab.slice);
    writeSetting(settings::softmaxMatrixMethod(), text(softmaxMethodKey(lab.matrixMethod)));
    writeSetting(settings::softmaxTemperature(), lab.scaleStep);
}

LossLab readLossLab(LossLab lab)
{
    lab.logits = readText(settings::lossLogits());
    lab.label = readSetting(settings::lossLabel()).toInt();
    lab.bce.from = readSetting(settings::bceFrom()).toDouble();
    lab.bce.to = readSetting(settings::bceTo()).toDouble();
    lab.bce.points = readSetting(settings::bcePoints()).toInt();
    lab.bce.label = readText(settings::bceLabel());
    return lab;
}

void writeLossLab(const LossLab &lab)
{
    writeSetting(settings::lossLogits(), text(lab.logits));
    writeSetting(settings::lossLabel(), lab.label);
    writeSetting(settings::bceFrom(), lab.bce.from);
    writeSetting(settings::bceTo(), lab.bce.to);
    writeSetting(settings::bcePoints(), lab.bce.points);
    writeSetting(settings::bceLabel(), text(lab.bce.label));
}

RoundingLab readRoundingLab(RoundingLab lab)
{
    lab.expressions.clear();
    for (const QString &e : readSetting(settings::roundingExpressions()).toStringList())
        lab.expressions.push_back(e.toStdString());
    return lab;
}

void writeRoundingLab(const RoundingLab &lab)
{
    writeSetting(settings::roundingExpressions(), texts(lab.expressions));
}

} // namespace logitlab::ui
