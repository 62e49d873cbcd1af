#include "training/trainingsettings.h"

namespace logitlab::ui::trainingsettings {

#define LOGITLAB_TRAINING_SETTING(fn, key, def)                                                                        \
    const SettingKey &fn()                                                                                             \
    {                                                                                                                  \
        static const SettingKey k {"training/" key, def};                                                              \
        return k;                                                                                                      \
    }

LOGITLAB_TRAINING_SETTING(preset, "preset", QStringLiteral("course"))
LOGITLAB_TRAINING_SETTING(dataset, "dataset", QStringLiteral("mnist-10k"))
LOGITLAB_TRAINING_SETTING(idxPath, "idxPath", QString())
LOGITLAB_TRAINING_SETTING(noise, "noise", 0.1)
LOGITLAB_TRAINING_SETTING(task, "task", 0)
LOGITLAB_TRAINING_SETTING(digitA, "digitA", 4)
LOGITLAB_TRAINING_SETTING(digitB, "digitB", 9)
LOGITLAB_TRAINING_SETTING(layers, "layers", QStringLiteral("25,15"))
LOGITLAB_TRAINING_SETTING(activation, "activation", QStringLiteral("relu"))
LOGITLAB_TRAINING_SETTING(init, "init", QStringLiteral("glorot"))
LOGITLAB_TRAINING_SETTING(initScale, "initScale", 1.0)
LOGITLAB_TRAINING_SETTING(seed, "seed", 1)
LOGITLAB_TRAINING_SETTING(batch, "batch", 32)
LOGITLAB_TRAINING_SETTING(lrDecay, "lrDecay", 1.0)
LOGITLAB_TRAINING_SETTING(lrDecayEvery, "lrDecayEvery", 1)
LOGITLAB_TRAINING_SETTING(twin, "twin", true)
// 30 batches/s: an epoch of the course in about 8 s, slow enough for a class to follow the curves.
LOGITLAB_TRAINING_SETTING(speed, "speed", 3)
LOGITLAB_TRAINING_SETTING(epochLimit, "epochLimit", 10)
LOGITLAB_TRAINING_SETTING(viewTab, "viewTab", 0)
LOGITLAB_TRAINING_SETTING(inspected, "inspected", 0)

#undef LOGITLAB_TRAINING_SETTING

const SettingKey &head(int run)
{
    static const SettingKey k[2]
        = {{"training/a/head", QStringLiteral("softmax")}, {"training/b/head", QStringLiteral("logits")}};
    return k[run & 1];
}

const SettingKey &format(int run)
{
    static const SettingKey k[2]
        = {{"training/a/format", QStringLiteral("float32")}, {"training/b/format", QStringLiteral("float32")}};
    return k[run & 1];
}

const SettingKey &optimizer(int run)
{
    static const SettingKey k[2]
        = {{"training/a/optimizer", QStringLiteral("sgd")}, {"training/b/optimizer", QStringLiteral("sgd")}};
    return k[run & 1];
}

const SettingKey &lr(int run)
{
    static const SettingKey k[2] = {{"training/a/lr", 0.1}, {"training/b/lr", 0.1}};
    return k[run & 1];
}

const SettingKey &l2(int run)
{
    static const SettingKey k[2] = {{"training/a/l2", 0.0}, {"training/b/l2", 0.0}};
    return k[run & 1];
}

} // namespace logitlab::ui::trainingsettings
