#pragma once
/** \file
 * The Training lab's QSettings keys and defaults, in one place (the rest of the application's
 * are in settings/settings.h; this page keeps its own list so the two can change independently).
 */
#include "settings/settings.h"

namespace logitlab::ui::trainingsettings {
const SettingKey &preset(); ///< QString: preset name, "" for custom; default "course"
const SettingKey &dataset(); ///< QString: "mnist-10k", "idx", "spiral", "xor", "circles", "blobs"
const SettingKey &idxPath(); ///< QString: directory of IDX files
const SettingKey &noise(); ///< double: synthetic noise, default 0.1
const SettingKey &task(); ///< int: 0 all classes, 1 two digits, 2 one vs rest
const SettingKey &digitA(); ///< int: negative digit (two digits), default 4
const SettingKey &digitB(); ///< int: positive digit, default 9
const SettingKey &layers(); ///< QString: hidden widths, "25,15"
const SettingKey &activation(); ///< QString: activationName(), "relu"
const SettingKey &init(); ///< QString: "glorot" or "he"
const SettingKey &initScale(); ///< double, 1
const SettingKey &seed(); ///< int, 1
const SettingKey &batch(); ///< int, 32
const SettingKey &lrDecay(); ///< double, 1
const SettingKey &lrDecayEvery(); ///< int, 1
const SettingKey &twin(); ///< bool, true
const SettingKey &head(int run); ///< QString: headName(); A "softmax", B "logits"
const SettingKey &format(int run); ///< QString: "float32"
const SettingKey &optimizer(int run); ///< QString: "sgd"
const SettingKey &lr(int run); ///< double, 0.1
const SettingKey &l2(int run); ///< double, 0
const SettingKey &speed(); ///< int: speed slider position, default the fastest
const SettingKey &epochLimit(); ///< int: 0 = none, default 10
const SettingKey &viewTab(); ///< int: the model-view tab shown
const SettingKey &inspected(); ///< int: the test sample in the step inspector
} // namespace logitlab::ui::trainingsettings
