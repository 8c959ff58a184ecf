import type { Db, Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { existingCodes, existingTargets, listRules, replaceRules } from './repository.ts';
import type { RoutingRuleView, RuleInput } from './schemas.ts';

export async function listRoutingRules(deps: { db: Queryable }, municipalityCode: string): Promise<RoutingRuleView[]> {
  const rules = await listRules(deps.db, municipalityCode);
  return rules.map((rule) => ({
    id: rule.id,
    position: rule.position,
    name: rule.name,
    active: rule.active,
    conditions: rule.conditions,
    target: { ...rule.target, name: rule.targetName },
    reasonNl: rule.reasonNl,
    reasonEn: rule.reasonEn,
  }));
}

/** Replaces the whole ordered list in one transaction, after checking every rule against the municipality's data. */
export async function replaceRoutingRules(
  deps: { db: Db },
  municipalityCode: string,
  rules: RuleInput[],
): Promise<RoutingRuleView[]> {
  const problems = await validateRules(deps.db, municipalityCode, rules);
  if (problems.length > 0)
    throw new DomainError(
      'validation',
      `${problems.length} problem(s) in the routing rules; nothing was changed`,
      problems,
    );
  await deps.db.transaction((tx) => replaceRules(tx, municipalityCode, rules));
  return listRoutingRules(deps, municipalityCode);
}

/** Every problem of a rule set against the municipality's data; the preview checks an unsaved set the same way. */
export async function validateRules(
  db: Queryable,
  municipalityCode: string,
  rules: RuleInput[],
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const all = (pick: (rule: RuleInput) => string[] | undefined) => rules.flatMap((rule) => pick(rule) ?? []);
  const [targets, codes] = await Promise.all([
    existingTargets(
      db,
      municipalityCode,
      rules.map((rule) => rule.target),
    ),
    existingCodes(db, municipalityCode, {
      categories: all((rule) => rule.conditions.categoryCodes),
      districts: all((rule) => rule.conditions.districtCodes),
      boroughs: all((rule) => rule.conditions.boroughCodes),
    }),
  ]);
  const seenNames = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    const at = `body.rules.${index}`;
    if (seenNames.has(rule.name))
      problems.push({ name: `${at}.name`, reason: `Another rule is already called "${rule.name}"`, code: 'duplicate' });
    seenNames.add(rule.name);
    if (!targets.has(`${rule.target.kind}:${rule.target.id}`)) {
      problems.push({
        name: `${at}.target.id`,
        reason: `No ${rule.target.kind} with this id in the municipality`,
        code: 'unknown',
      });
    }
    const { timeFrom, timeTo, categoryCodes, districtCodes, boroughCodes } = rule.conditions;
    if ((timeFrom === undefined) !== (timeTo === undefined)) {
      problems.push({
        name: `${at}.conditions.${timeFrom === undefined ? 'timeFrom' : 'timeTo'}`,
        reason: 'Give timeFrom and timeTo together',
        code: 'required',
      });
    } else if (timeFrom !== undefined && timeFrom === timeTo) {
      problems.push({
        name: `${at}.conditions.timeTo`,
        reason: 'An empty time window never matches',
        code: 'empty_window',
      });
    }
    const unknownCodes = (field: string, given: string[] | undefined, known: Set<string>) => {
      for (const code of given ?? []) {
        if (!known.has(code))
          problems.push({ name: `${at}.conditions.${field}`, reason: `Unknown code ${code}`, code: 'unknown' });
      }
    };
    unknownCodes('categoryCodes', categoryCodes, codes.categories);
    unknownCodes('districtCodes', districtCodes, codes.districts);
    unknownCodes('boroughCodes', boroughCodes, codes.boroughs);
  }
  return problems;
}
