import { NotFoundException } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Pilot } from '../pilots/pilot.entity.js';
import type { AuthUser } from './auth-user.js';

/**
 * Which pilots a caller may see: admins and unscoped reviewers all of them, province-scoped
 * reviewers those of their province (by Chinese or English name), pilot users their own.
 */
export function canSeePilot(user: AuthUser, pilot: Pick<Pilot, 'id' | 'provinceZh' | 'provinceEn'>): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'reviewer':
      return !user.province || user.province === pilot.provinceZh || user.province === pilot.provinceEn;
    case 'pilot':
      return user.pilotId === pilot.id;
  }
}

/** Throws the same 404 an unknown id gets, so callers learn nothing about records outside their scope. */
export function assertCanSeePilot(user: AuthUser, pilot: Pick<Pilot, 'id' | 'provinceZh' | 'provinceEn'> | null, what = 'Pilot'): asserts pilot {
  if (!pilot || !canSeePilot(user, pilot)) throw new NotFoundException(`${what} not found`);
}

/** The pilots a query may cover: one pilot, one province, or (empty) all of them. */
export interface PilotScope {
  pilotId?: string;
  province?: string;
}

export function scopeOf(user: AuthUser): PilotScope {
  if (user.role === 'pilot') return { pilotId: user.pilotId ?? undefined };
  if (user.role === 'reviewer' && user.province) return { province: user.province };
  return {};
}

/** Restricts a query joined to pilots (under `pilotAlias`) to a scope. */
export function applyPilotScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: PilotScope,
  pilotAlias: string,
): SelectQueryBuilder<T> {
  if (scope.pilotId !== undefined) qb.andWhere(`${pilotAlias}.id = :scopePilotId`, { scopePilotId: scope.pilotId });
  if (scope.province !== undefined) {
    qb.andWhere(`(${pilotAlias}.province_zh = :scopeProvince OR ${pilotAlias}.province_en = :scopeProvince)`, {
      scopeProvince: scope.province,
    });
  }
  return qb;
}

/** Restricts a query joined to pilots (under `pilotAlias`) to what the caller may see. */
export function scopeToCaller<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  user: AuthUser,
  pilotAlias: string,
): SelectQueryBuilder<T> {
  return applyPilotScope(qb, scopeOf(user), pilotAlias);
}

/** Adds the `province` filter of list routes (matches provinceZh or provinceEn). */
export function filterByProvince<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  province: string | undefined,
  pilotAlias: string,
): SelectQueryBuilder<T> {
  if (province === undefined) return qb;
  return qb.andWhere(`(${pilotAlias}.province_zh = :province OR ${pilotAlias}.province_en = :province)`, { province });
}
