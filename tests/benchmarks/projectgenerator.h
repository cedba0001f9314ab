// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace Stagecraft::Model {
struct Conveyor;
}

namespace Stagecraft::Bench {

struct GeneratorOptions
{
    /** Images of every kind (stapel images, artifacts, Dockerfile images) in the config. */
    int images = 150;
    quint64 seed = 1;
    /** Make the project directory a git repository with a few commits (git CLI, fixed dates). */
    bool gitRepository = true;
    /** Give images `git:` mappings. Without them (and without a repository) a plan needs no
     *  git at all: the "plan without git" benchmark. */
    bool gitMappings = true;
};

/** What the generator put into the config, to check a loader's result against. */
struct ProjectStats
{
    int images = 0;      ///< stapel images (`image:` with stages)
    int artifacts = 0;   ///< stapel artifacts
    int dockerfiles = 0; ///< Dockerfile images
    int imports = 0;
    int gitMappings = 0;
    int fromImage = 0;    ///< `fromImage:` directives
    int fromExternal = 0; ///< `from:` directives (external bases)
    int rangeImages = 0;  ///< images produced by a `range` in the templated variant
    int sourceFiles = 0;  ///< files committed besides the configs and templates
    int documents = 0;    ///< YAML documents in werf.yaml, the meta document included

    int total() const { return images + artifacts + dockerfiles; }
};

struct GeneratedSpec;

/**
 * A seeded generator of realistic werf 1.1 projects: service groups with a base image from a
 * registry, build artifacts whose outputs are imported before/after install and setup with
 * include/exclude paths, app images in fromImage chains, git mappings with stageDependencies,
 * shell stages with cacheVersions, docker instructions and about 10 % Dockerfile images.
 *
 * The same project is written twice: werf.yaml is plain YAML, werf-templated.yaml builds the
 * same config with define/include (.werf/_helpers.tmpl), range, set and .Files.Get. Everything,
 * including the git commits, is a pure function of the options.
 */
class ProjectGenerator
{
public:
    explicit ProjectGenerator(const GeneratorOptions &options);
    ~ProjectGenerator();
    ProjectGenerator(const ProjectGenerator &) = delete;
    ProjectGenerator &operator=(const ProjectGenerator &) = delete;

    const GeneratorOptions &options() const { return m_options; }
    const ProjectStats &stats() const { return m_stats; }
    /** All image and artifact names in document order. */
    QStringList imageNames() const;

    /**
     * The conveyor the config describes, derived from the generator's own model with werf's stage
     * rules (reference §4.2): the input for graph benchmarks, and what a loader must agree with.
     * Source locations are left empty.
     */
    Model::Conveyor conveyor() const;

    QByteArray plainConfig() const;
    QByteArray templatedConfig() const;
    /** Every other file of the project, by path relative to the project directory. */
    QMap<QString, QByteArray> projectFiles() const;

    /**
     * Writes the project into directory (created; must not exist or be empty) and, with
     * gitRepository, commits it in three commits. On failure returns false and says why.
     */
    bool write(const QString &directory, QString *errorString = nullptr) const;

    static QString plainConfigName() { return QStringLiteral("werf.yaml"); }
    static QString templatedConfigName() { return QStringLiteral("werf-templated.yaml"); }

private:
    GeneratorOptions m_options;
    ProjectStats m_stats;
    std::unique_ptr<GeneratedSpec> m_spec;
};

} // namespace Stagecraft::Bench
