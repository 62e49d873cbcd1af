// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainingdata.h"

#include "data/binarytask.h"
#include "data/synthetic.h"

#include <algorithm>
#include <mutex>

namespace logitlab {
namespace {

/** The embedded digits, decoded once per process. */
std::shared_ptr<const DataSplit> embeddedMnist(const ByteSource &source, DataLoad &out)
{
    static std::mutex mutex;
    static std::shared_ptr<const DataSplit> cached;
    const std::lock_guard lock(mutex);
    if (cached)
        return cached;
    auto split = std::make_shared<DataSplit>();
    for (int part = 0; part < 2; ++part) {
        std::optional<std::vector<std::uint8_t>> bytes[2];
        for (int j = 0; j < 2; ++j) {
            bytes[j] = source ? source(embeddedMnistFiles[part * 2 + j]) : std::nullopt;
            if (!bytes[j]) {
                out.error = DataError::EmbeddedMissing;
                out.idxFile = IdxFile(part * 2 + j);
                return {};
            }
        }
        DatasetResult r = datasetFromIdxBytes(*bytes[0], *bytes[1]);
        if (!r.ok()) {
            out.error = DataError::EmbeddedInvalid;
            out.idxError = r.error;
            return {};
        }
        (part == 0 ? split->train : split->test) = std::move(r.dataset);
    }
    cached = split;
    return cached;
}

} // namespace

DataLoad loadTrainingData(const DataSpec &spec, std::uint64_t seed, const ByteSource &embedded)
{
    DataLoad out;
    auto data = std::make_shared<SessionData>();
    data->spec = spec;
    switch (spec.source) {
    case DataSource::Mnist: {
        const auto mnist = embeddedMnist(embedded, out);
        if (!mnist)
            return out;
        data->split = *mnist;
        break;
    }
    case DataSource::IdxDirectory: {
        if (spec.idxPath.empty()) {
            out.error = DataError::NoIdxDirectory;
            return out;
        }
        SplitResult r = loadIdxDirectory(spec.idxPath);
        if (!r.ok()) {
            out.error = DataError::Idx;
            out.idxError = r.error;
            out.idxFile = r.failedFile;
            return out;
        }
        data->split = std::move(r.split);
        break;
    }
    case DataSource::Synthetic: {
        SyntheticSpec s;
        s.kind = spec.synthetic;
        s.noise = spec.noise;
        s.seed = seed;
        data->split = makeSynthetic(s);
        break;
    }
    }
    const int classes = data->split.train.classes;
    const auto inRange = [classes](int c) { return c >= 0 && c < classes; };
    if (spec.binaryPositive >= 0) {
        if (!inRange(spec.binaryPositive) || spec.binaryNegative >= classes
            || spec.binaryNegative == spec.binaryPositive || spec.binaryNegative < -1) {
            out.error = DataError::BadTask;
            out.taskClass = classes;
            return out;
        }
        for (int c : {spec.binaryNegative, spec.binaryPositive}) // an absent class would make a one-class task
            if (c >= 0
                && std::find(data->split.train.labels.begin(), data->split.train.labels.end(), c)
                    == data->split.train.labels.end()) {
                out.error = DataError::EmptyClass;
                out.taskClass = c;
                return out;
            }
        if (inRange(spec.binaryNegative)) {
            data->split.train = twoClasses(data->split.train, spec.binaryNegative, spec.binaryPositive);
            data->split.test = twoClasses(data->split.test, spec.binaryNegative, spec.binaryPositive);
            data->negative = spec.binaryNegative;
        } else {
            data->split.train = oneVsRest(data->split.train, spec.binaryPositive);
            data->split.test = oneVsRest(data->split.test, spec.binaryPositive);
        }
        data->positive = spec.binaryPositive;
    }
    out.data = std::move(data);
    return out;
}

} // namespace logitlab
