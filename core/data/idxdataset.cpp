// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/idxdataset.h"

namespace logitlab {

DatasetResult datasetFromIdx(const IdxArray &images, const IdxArray &labels, int classes)
{
    DatasetResult r;
    if (images.dims.size() != 3 || labels.dims.size() != 1) {
        r.error = IdxError::BadDimensionCount;
        return r;
    }
    const std::size_t n = images.dims[0];
    if (labels.dims[0] != n) {
        r.error = IdxError::CountMismatch;
        return r;
    }
    for (std::uint8_t y : labels.values)
        if (int(y) >= classes) {
            r.error = IdxError::LabelOutOfRange;
            return r;
        }
    const std::size_t width = std::size_t(images.dims[1]) * images.dims[2];
    Dataset &d = r.dataset;
    d.imageRows = int(images.dims[1]);
    d.imageCols = int(images.dims[2]);
    d.classes = classes;
    d.features.resize(Eigen::Index(n), Eigen::Index(width));
    float *out = d.features.data();
    for (std::size_t i = 0; i < n * width; ++i)
        out[i] = static_cast<float>(double(images.values[i]) / 255.0);
    d.labels.assign(labels.values.begin(), labels.values.end());
    return r;
}

DatasetResult datasetFromIdxBytes(
    std::span<const std::uint8_t> images, std::span<const std::uint8_t> labels, int classes)
{
    DatasetResult r;
    const IdxResult img = readIdx(images, 3);
    if (!img.ok()) {
        r.error = img.error;
        return r;
    }
    const IdxResult lab = readIdx(labels, 1);
    if (!lab.ok()) {
        r.error = lab.error;
        return r;
    }
    return datasetFromIdx(img.array, lab.array, classes);
}

const char *idxFileName(IdxFile f)
{
    switch (f) {
    case IdxFile::TrainImages: return "train-images-idx3-ubyte";
    case IdxFile::TrainLabels: return "train-labels-idx1-ubyte";
    case IdxFile::TestImages: return "t10k-images-idx3-ubyte";
    case IdxFile::TestLabels: break;
    }
    return "t10k-labels-idx1-ubyte";
}

SplitResult loadIdxDirectory(const std::filesystem::path &dir, int classes)
{
    SplitResult r;
    IdxArray arrays[4];
    const IdxFile files[4] = {IdxFile::TrainImages, IdxFile::TrainLabels, IdxFile::TestImages, IdxFile::TestLabels};
    for (int i = 0; i < 4; ++i) {
        std::filesystem::path p = dir / idxFileName(files[i]);
        if (!std::filesystem::exists(p))
            p += ".gz";
        IdxResult one = readIdxFile(p, i % 2 == 0 ? 3 : 1);
        if (!one.ok()) {
            r.error = one.error;
            r.failedFile = files[i];
            return r;
        }
        arrays[i] = std::move(one.array);
    }
    for (int part = 0; part < 2; ++part) {
        DatasetResult d = datasetFromIdx(arrays[2 * part], arrays[2 * part + 1], classes);
        if (!d.ok()) {
            r.error = d.error;
            r.failedFile = d.error == IdxError::LabelOutOfRange ? files[2 * part + 1] : files[2 * part];
            return r;
        }
        (part == 0 ? r.split.train : r.split.test) = std::move(d.dataset);
    }
    return r;
}

} // namespace logitlab
