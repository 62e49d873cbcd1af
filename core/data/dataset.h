// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * A labelled data set as the trainer consumes it: one row of features per sample, one class
 * label per sample.
 */
#include <Eigen/Core>

#include <vector>

namespace logitlab {

/** \brief Samples (row-major float features) with integer class labels in [0, classes). */
struct Dataset {
    /** One sample per row. Pixels are scaled to [0, 1] (p / 255, computed in double, rounded). */
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> features;
    std::vector<int> labels; ///< labels[i] is the class of row i
    int classes = 0; ///< number of classes; every label is below it
    int imageRows = 0; ///< for images: height (0 for other data)
    int imageCols = 0; ///< for images: width

    Eigen::Index size() const { return features.rows(); }
    Eigen::Index featureCount() const { return features.cols(); }
};

/** \brief A training set and the test set it is judged on. */
struct DataSplit {
    Dataset train;
    Dataset test;
};

} // namespace logitlab
