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

/** Restricts a query joined to pilots (under `pilotAlias`) to what the caller may see. */
export function scopeToCaller<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  user: AuthUser,
  pilotAlias: string,
): SelectQueryBuilder<T> {
  if (user.role === 'pilot') {
    return qb.andWhere(`${pilotAlias}.id = :scopePilotId`, { scopePilotId: user.pilotId });
  }
  if (user.role === 'reviewer' && user.province) {
    return qb.andWhere(`(${pilotAlias}.province_zh = :scopeProvince OR ${pilotAlias}.province_en = :scopeProvince)`, {
      scopeProvince: user.province,
    });
  }
  return qb;
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
