import { AbnormalOperationsGenerator, AnnualReportsGenerator, PenaltiesGenerator } from './market-filings.generator';
import { ChangesGenerator, RegistrationsGenerator, ShareholdersGenerator } from './market-regulation.generator';
import { PatentModel } from './patent.model';
import { LegalEventsGenerator, PatentsGenerator } from './patent.generator';
import type { StreamGenerator } from './stream.types';
import { ArrearsGenerator, CreditGradesGenerator, DeclarationsGenerator, RdDeductionsGenerator } from './tax.generator';
import { AccountsGenerator, BillsGenerator } from './utility.generator';
import { UtilityModel } from './utility.model';
import type { World } from './world';

/** Every stream of every agency, in contract order. Keys are `${agency}/${stream}`. */
export function createGenerators(world: World): Map<string, StreamGenerator> {
  const utility = new UtilityModel(world);
  const patents = new PatentModel(world);
  const list: StreamGenerator[] = [
    new RegistrationsGenerator(),
    new ChangesGenerator(world),
    new ShareholdersGenerator(world),
    new PenaltiesGenerator(world),
    new AbnormalOperationsGenerator(world),
    new AnnualReportsGenerator(world),
    new DeclarationsGenerator(world),
    new ArrearsGenerator(world),
    new CreditGradesGenerator(world),
    new RdDeductionsGenerator(world),
    new AccountsGenerator(world, utility),
    new BillsGenerator(world, utility),
    new PatentsGenerator(patents),
    new LegalEventsGenerator(patents),
  ];
  return new Map(list.map((g) => [`${g.agency}/${g.name}`, g]));
}
