#include "barriers.h"

#include "../error.h"
#include "../translation.h"
#include "../vectorsource.h"

#include <QFileInfo>

namespace gridmodel {

namespace Barriers {

std::vector<LineString> read(const ProjectData& data, const QString& projectPath, const QString& layerOrPath,
                             const Envelope& within)
{
    QString path = layerOrPath;
    QString sourceLayer;
    for (const ReferenceLayer& layer : data.referenceLayers) {
        if (layer.name != layerOrPath)
            continue;
        if (layer.kind != ReferenceLayer::Kind::Vector)
            throw Error(Error::Kind::InvalidInput,
                        Tr::tr("The reference layer \"%1\" is not a vector layer: barriers are roads, rivers "
                               "and railways drawn as lines")
                            .arg(layer.name));
        path = layer.embedded ? projectPath : layer.resolvedSource(projectPath);
        sourceLayer = layer.sourceLayer;
        break;
    }
    if (path == layerOrPath && !QFileInfo::exists(path))
        throw Error(Error::Kind::FileNotFound,
                    Tr::tr("\"%1\" is neither a reference layer of the project nor a file").arg(layerOrPath));
    const VectorSource source = VectorSource::read(path, data.crsEpsg, sourceLayer);
    std::vector<LineString> lines;
    auto keep = [&](const LineString& line) {
        Envelope envelope;
        for (const Point& point : line)
            envelope.include(point);
        if (line.size() >= 2 && envelope.meets(within))
            lines.push_back(line);
    };
    for (const SourceFeature& feature : source.features) {
        if (!feature.impossible.isEmpty())
            continue;
        for (const LineString& line : feature.lines)
            keep(line);
        for (const Polygon& polygon : feature.polygon.polygons)
            for (const Ring& ring : polygon.rings)
                keep(ring);
    }
    return lines;
}

} // namespace Barriers

} // namespace gridmodel
