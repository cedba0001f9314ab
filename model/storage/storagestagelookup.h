// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signature/signaturecalculator.h"
#include "stagesstorage.h"

#include <QSet>
#include <QString>

#include <memory>

namespace Stagecraft::Model {

struct Plan;

/**
 * The synchronous StageLookup a plan needs, over an asynchronous StagesStorage: fetch() takes
 * the one listing of the project, then the lookup answers from it and inspects candidates on
 * demand (only for git stages of images with git mappings, whose commit labels decide, §6.3).
 *
 * fetch() and the lookup wait for the storage's futures: use them in a worker thread, never in
 * the thread the storage lives in (that thread must keep running its event loop). The storage
 * must outlive this object.
 */
class StorageStageLookup
{
public:
    StorageStageLookup(StagesStorage *storage, const QString &project);

    /** Waits for the listing; false (and listing().error) when the storage cannot be read. */
    bool fetch();
    /** The listing fetch() got. */
    StageListing listing() const;

    /** Names of images with git mappings: only their git stages need labels. */
    void setGitImages(const QSet<QString> &imageNames);

    /** The lookup for PlanOptions::lookup; valid while this object lives. */
    StageLookup lookup() const;

    /**
     * Marks the stages whose status could not be decided as unknown, with the reason: all of
     * them when the listing failed, else those whose candidates could not be inspected.
     */
    void applyTo(Plan &plan) const;

    /** How many candidates were inspected. */
    int inspections() const;

    /** The commit of each git mapping (paramshash) in werf's labels (§6.5, virtual merges too). */
    static QHash<QString, QString> gitCommitsFromLabels(const QMap<QString, QString> &labels);

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace Stagecraft::Model
