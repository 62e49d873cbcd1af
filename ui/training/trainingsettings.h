// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Training lab's QSettings keys, in one place (the rest of the application's are in
 * settings/settings.h). The defaults of the lab's values come from core's TrainingLab {}, those
 * of the page's own controls (preset, task digits, speed, views) are stated here.
 */
#include "settings/settings.h"

namespace logitlab::ui::trainingsettings {
const SettingKey &preset(); ///< QString: preset name, "" for custom; default "course"
const SettingKey &dataset(); ///< QString: "mnist-10k", "idx", "spiral", "xor", "circles", "blobs"
const SettingKey &idxPath(); ///< QString: directory of IDX files
const SettingKey &noise(); ///< double: synthetic noise
const SettingKey &task(); ///< int: 0 all classes, 1 two digits, 2 one vs rest
const SettingKey &digitA(); ///< int: negative digit (two digits), default 4
const SettingKey &digitB(); ///< int: positive digit, default 9
const SettingKey &layers(); ///< QString: hidden widths, e.g. "25,15"
const SettingKey &activation(); ///< QString: activationName()
const SettingKey &init(); ///< QString: initName()
const SettingKey &initScale(); ///< double
const SettingKey &seed(); ///< int
const SettingKey &batch(); ///< int
const SettingKey &lrDecay(); ///< double
const SettingKey &lrDecayEvery(); ///< int
const SettingKey &twin(); ///< bool
const SettingKey &head(int run); ///< QString: headName()
const SettingKey &format(int run); ///< QString: formatName()
const SettingKey &optimizer(int run); ///< QString: optimizerName()
const SettingKey &lr(int run); ///< double
const SettingKey &l2(int run); ///< double
const SettingKey &speed(); ///< int: speed slider position, default the fastest
const SettingKey &epochLimit(); ///< int: 0 = none, default 10
const SettingKey &viewTab(); ///< int: the model-view tab shown
const SettingKey &inspected(); ///< int: the test sample in the step inspector
} // namespace logitlab::ui::trainingsettings
