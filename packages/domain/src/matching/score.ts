import {
  CRITERIA,
  type Criterion,
  DEFAULT_WEIGHTS,
  type MentorProfile,
  type ParticipantProfile,
  type Weights,
} from './types';

export { type Criterion, DEFAULT_WEIGHTS, type Weights };

/** The default weights with a program's overrides (`policy.matchingWeights`); unknown keys are ignored. */
export function weightsFrom(overrides: Readonly<Record<string, number>> | undefined): Weights {
  const w: Weights = { ...DEFAULT_WEIGHTS };
  for (const k of CRITERIA) {
    const x = overrides?.[k];
    if (x !== undefined && Number.isFinite(x) && x >= 0) w[k] = x;
  }
  return w;
}

export interface ScorePart {
  readonly criterion: Criterion;
  /** Whole points, so the parts add up to the total exactly. */
  readonly points: number;
  /** What a coordinator reads: "shares Arabic (5/5); 3 km; 4 common hours; same sector". */
  readonly params: Readonly<Record<string, string | number | boolean | null>>;
}
export interface Score {
  readonly total: number;
  readonly parts: readonly ScorePart[];
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const points = (weight: number, fraction: number) =>
  Math.round(weight * 100 * Math.max(0, Math.min(1, fraction)));

/**
 * The explainable soft score of a pair: each criterion contributes whole points
 * (weight × 100 × how well it is met), with the facts behind it, so the UI can
 * say why a mentor ranks where it does (MOH-11 culture and language, RAMP-2 shared interests).
 */
export function scorePair(p: ParticipantProfile, m: MentorProfile, w: Weights): Score {
  const parts: ScorePart[] = [];
  // Language: the best shared language, by the lower of the two levels.
  let bestLang: string | null = null;
  let bestLevel = 0;
  for (const a of p.languages) {
    for (const b of m.languages) {
      const level = Math.min(a.level, b.level);
      if (a.code === b.code && level > bestLevel) {
        bestLevel = level;
        bestLang = a.code;
      }
    }
  }
  parts.push({
    criterion: 'language',
    points: points(w.language, bestLevel / 5),
    params: { language: bestLang, level: bestLevel },
  });
  const sameSector = p.sector !== null && p.sector === m.sector;
  parts.push({
    criterion: 'sector',
    points: sameSector ? points(w.sector, 1) : 0,
    params: { sector: p.sector, same: sameSector },
  });
  const genderOk = p.preferredMentorGender === 'any' || p.preferredMentorGender === m.gender;
  parts.push({
    criterion: 'gender',
    points: genderOk ? points(w.gender, 1) : 0,
    params: { preferred: p.preferredMentorGender, honoured: genderOk },
  });
  // Distance: full points next door, none at or beyond the mentor's radius; a virtual preference ignores it.
  if (p.modePreference === 'virtual') {
    parts.push({ criterion: 'distance', points: points(w.distance, 1), params: { km: null, virtual: true } });
  } else if (p.place && m.place) {
    const km = distanceKm(p.place, m.place);
    const fraction = m.travelRadiusKm > 0 ? 1 - km / m.travelRadiusKm : 0;
    parts.push({
      criterion: 'distance',
      points: points(w.distance, fraction),
      params: { km: Math.round(km), radiusKm: m.travelRadiusKm },
    });
  } else {
    parts.push({ criterion: 'distance', points: 0, params: { km: null } });
  }
  const mentorHours = new Set(m.availability.map((s) => s.day * 24 + s.hour));
  const common = p.availability.filter((s) => mentorHours.has(s.day * 24 + s.hour)).length;
  parts.push({
    criterion: 'availability',
    points: points(w.availability, common / 4),
    params: { hours: common },
  });
  const sharedInterests = p.interests.filter((i) => m.interests.includes(i));
  parts.push({
    criterion: 'interests',
    points: points(w.interests, sharedInterests.length / 2),
    params: { shared: sharedInterests.join(', '), count: sharedInterests.length },
  });
  const covered = p.needs.filter((n) => m.domainStrengths.includes(n));
  parts.push({
    criterion: 'domains',
    points: p.needs.length ? points(w.domains, covered.length / p.needs.length) : 0,
    params: { covered: covered.join(', '), needs: p.needs.length },
  });
  const spare = m.capacity > 0 ? (m.capacity - m.activeMentees) / m.capacity : 0;
  parts.push({
    criterion: 'load',
    points: points(w.load, spare),
    params: { activeMentees: m.activeMentees, capacity: m.capacity },
  });
  return { total: parts.reduce((sum, part) => sum + part.points, 0), parts };
}
