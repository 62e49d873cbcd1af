// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainingsettings.h"

#include "lab/traininglab.h"

#include <QStringList>

namespace logitlab::ui::trainingsettings {

namespace {
/** The lab's defaults (core/lab/traininglab.h): the settings restate none of them. */
const TrainingLab &lab()
{
    static const TrainingLab defaults;
    return defaults;
}

QString latin(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

QString widthsText(const std::vector<int> &widths)
{
    QStringList parts;
    for (int w : widths)
        parts << QString::number(w);
    return parts.join(QLatin1Char(','));
}
} // namespace

#define LOGITLAB_TRAINING_SETTING(fn, key, def)                                                                        \
    const SettingKey &fn()                                                                                             \
    {                                                                                                                  \
        static const SettingKey k {"training/" key, def};                                                              \
        return k;                                                                                                      \
    }

LOGITLAB_TRAINING_SETTING(preset, "preset", QStringLiteral("course"))
LOGITLAB_TRAINING_SETTING(dataset, "dataset", QStringLiteral("mnist-10k"))
LOGITLAB_TRAINING_SETTING(idxPath, "idxPath", QString())
LOGITLAB_TRAINING_SETTING(noise, "noise", lab().data.noise)
LOGITLAB_TRAINING_SETTING(task, "task", 0)
LOGITLAB_TRAINING_SETTING(digitA, "digitA", 4)
LOGITLAB_TRAINING_SETTING(digitB, "digitB", 9)
LOGITLAB_TRAINING_SETTING(layers, "layers", widthsText(lab().a.hidden))
LOGITLAB_TRAINING_SETTING(activation, "activation", latin(activationName(lab().a.activation)))
LOGITLAB_TRAINING_SETTING(init, "init", latin(initName(lab().a.init)))
LOGITLAB_TRAINING_SETTING(initScale, "initScale", lab().a.initScale)
LOGITLAB_TRAINING_SETTING(seed, "seed", int(lab().a.seed))
LOGITLAB_TRAINING_SETTING(batch, "batch", lab().a.batchSize)
LOGITLAB_TRAINING_SETTING(lrDecay, "lrDecay", lab().a.lrDecayRate)
LOGITLAB_TRAINING_SETTING(lrDecayEvery, "lrDecayEvery", lab().a.lrDecayEvery)
LOGITLAB_TRAINING_SETTING(twin, "twin", lab().twin)
// 30 batches/s: an epoch of the course in about 8 s, slow enough for a class to follow the curves.
LOGITLAB_TRAINING_SETTING(speed, "speed", 3)
LOGITLAB_TRAINING_SETTING(epochLimit, "epochLimit", 10)
LOGITLAB_TRAINING_SETTING(viewTab, "viewTab", 0)
LOGITLAB_TRAINING_SETTING(inspected, "inspected", 0)

#undef LOGITLAB_TRAINING_SETTING

const SettingKey &head(int run)
{
    static const SettingKey k[2]
        = {{"training/a/head", latin(headName(lab().a.head))}, {"training/b/head", latin(headName(lab().b.head))}};
    return k[run & 1];
}

const SettingKey &format(int run)
{
    static const SettingKey k[2] = {{"training/a/format", latin(formatName(lab().a.format))},
        {"training/b/format", latin(formatName(lab().b.format))}};
    return k[run & 1];
}

const SettingKey &optimizer(int run)
{
    static const SettingKey k[2] = {{"training/a/optimizer", latin(optimizerName(optimizerKind(lab().a.optimizer)))},
        {"training/b/optimizer", latin(optimizerName(optimizerKind(lab().b.optimizer)))}};
    return k[run & 1];
}

const SettingKey &lr(int run)
{
    static const SettingKey k[2]
        = {{"training/a/lr", learningRate(lab().a.optimizer)}, {"training/b/lr", learningRate(lab().b.optimizer)}};
    return k[run & 1];
}

const SettingKey &l2(int run)
{
    static const SettingKey k[2] = {{"training/a/l2", lab().a.l2}, {"training/b/l2", lab().b.l2}};
    return k[run & 1];
}

} // namespace logitlab::ui::trainingsettings
