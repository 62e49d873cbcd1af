#pragma once
/** \file
 * Loads the data a training session uses: the embedded MNIST-10k (the default, as the CLI's
 * train command), an IDX directory, or a synthetic 2-D set, optionally cut to a two-class task.
 */
#include "training/trainingtypes.h"

#include <QString>

namespace logitlab::ui {

/** \brief Loaded data, or a translated reason why not. */
struct LoadedData {
    SessionDataPtr data;
    QString error;
};

/** Loads the data of \a setup (the seed of its run A seeds the synthetic sets, as in the CLI). */
LoadedData loadSessionData(const SessionSetup &setup);

} // namespace logitlab::ui
