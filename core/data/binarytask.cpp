// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/binarytask.h"

namespace logitlab {

Dataset oneVsRest(const Dataset &d, int positive)
{
    Dataset r = d;
    r.classes = 2;
    for (int &y : r.labels)
        y = y == positive ? 1 : 0;
    return r;
}

Dataset twoClasses(const Dataset &d, int negative, int positive)
{
    Dataset r;
    r.classes = 2;
    r.imageRows = d.imageRows;
    r.imageCols = d.imageCols;
    Eigen::Index kept = 0;
    for (int y : d.labels)
        kept += (y == negative || y == positive);
    r.features.resize(kept, d.featureCount());
    Eigen::Index row = 0;
    for (Eigen::Index i = 0; i < d.size(); ++i) {
        const int y = d.labels[std::size_t(i)];
        if (y != negative && y != positive)
            continue;
        r.features.row(row++) = d.features.row(i);
        r.labels.push_back(y == positive ? 1 : 0);
    }
    return r;
}

} // namespace logitlab
