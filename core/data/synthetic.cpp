// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/synthetic.h"

#include "random/rng.h"

#include <cmath>

namespace logitlab {

int syntheticClasses(SyntheticKind kind)
{
    switch (kind) {
    case SyntheticKind::Spiral: return 3;
    case SyntheticKind::Xor:
    case SyntheticKind::Circles: return 2;
    case SyntheticKind::Blobs: break;
    }
    return 4;
}

namespace {

constexpr double pi = 3.14159265358979323846;

Dataset draw(SyntheticKind kind, int n, double noise, Rng &rng)
{
    Dataset d;
    d.classes = syntheticClasses(kind);
    d.features.resize(n, 2);
    d.labels.resize(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const int c = i % d.classes; // classes interleaved and balanced
        double x = 0.0, y = 0.0;
        switch (kind) {
        case SyntheticKind::Spiral: {
            const double r = rng.uniform(); // radius along the arm
            const double t = c * 2.0 * pi / 3.0 + 4.0 * r; // arm offset plus winding
            x = r * std::cos(t);
            y = r * std::sin(t);
            break;
        }
        case SyntheticKind::Xor: {
            x = rng.uniform(-1.0, 1.0);
            y = rng.uniform(-1.0, 1.0);
            // Pick the quadrant from the class: class 1 where x y < 0.
            const bool flip = (x * y < 0.0) != (c == 1);
            if (flip)
                x = -x;
            break;
        }
        case SyntheticKind::Circles: {
            const double r = c == 0 ? 0.5 * std::sqrt(rng.uniform()) : rng.uniform(0.7, 1.0);
            const double t = rng.uniform(0.0, 2.0 * pi);
            x = r * std::cos(t);
            y = r * std::sin(t);
            break;
        }
        case SyntheticKind::Blobs: {
            x = (c & 1 ? 1.0 : -1.0) + 0.35 * rng.normal();
            y = (c & 2 ? 1.0 : -1.0) + 0.35 * rng.normal();
            break;
        }
        }
        if (noise > 0.0) {
            x += noise * rng.normal();
            y += noise * rng.normal();
        }
        d.features(i, 0) = float(x);
        d.features(i, 1) = float(y);
        d.labels[std::size_t(i)] = c;
    }
    return d;
}

} // namespace

DataSplit makeSynthetic(const SyntheticSpec &spec)
{
    Rng trainRng(spec.seed, 10), testRng(spec.seed, 11);
    return {draw(spec.kind, spec.trainSize, spec.noise, trainRng), draw(spec.kind, spec.testSize, spec.noise, testRng)};
}

} // namespace logitlab
