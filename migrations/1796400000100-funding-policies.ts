import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dated funding-policy versions (src/policy), seeded with the rates of docs/risk-sharing.md, all in
 * force from 2021-01-01 (the year Jinan's sci-tech finance pilot zone began; an operator adds a
 * version for any later change, never editing these rows).
 */
export class FundingPolicies1796400000100 implements MigrationInterface {
  name = 'FundingPolicies1796400000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `funding_policy_version` (`id` int UNSIGNED NOT NULL AUTO_INCREMENT, `policy` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `version` smallint UNSIGNED NOT NULL, `effective_from` date NOT NULL, `government_bp` smallint UNSIGNED NOT NULL, `bank_bp` smallint UNSIGNED NOT NULL, `guarantor_bp` smallint UNSIGNED NOT NULL, `insurer_bp` smallint UNSIGNED NOT NULL, `enterprise_bp` smallint UNSIGNED NOT NULL, `products` varchar(255) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `note` varchar(500) NULL, `created_by` varchar(128) NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_funding_policy_effective` (`policy`, `effective_from`), UNIQUE INDEX `uq_funding_policy_version` (`policy`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      `INSERT INTO funding_policy_version (policy, version, effective_from, government_bp, bank_bp, guarantor_bp, insurer_bp, enterprise_bp, products, note, created_by, created_at) VALUES
       ('SCI_TECH_RISK_POOL', 1, '2021-01-01', 4000, 3000, 2000, 1000, 0, 'CREDIT_LOAN,IP_PLEDGE_LOAN,GUARANTEED_LOAN', 'Four-party risk pool for sci-tech loans: government 40%, bank 30%, guarantor 20%, insurer 10% of the loss.', 'migration', NOW(3)),
       ('TALENT_LOAN_COMPENSATION', 1, '2021-01-01', 5000, 5000, 0, 0, 0, 'TALENT_LOAN', 'Talent loans (人才贷): the government compensates 50% of the bad debt.', 'migration', NOW(3)),
       ('INTEREST_SUBSIDY', 1, '2021-01-01', 3000, 0, 0, 0, 7000, 'CREDIT_LOAN,IP_PLEDGE_LOAN,TALENT_LOAN,GUARANTEED_LOAN', 'Interest subsidy: 30% of the interest paid on sci-tech loans.', 'migration', NOW(3)),
       ('INSURANCE_PREMIUM_SUBSIDY', 1, '2021-01-01', 5000, 0, 0, 0, 5000, '', 'Tech-insurance premium subsidy: 50% of the premium. Not applied yet: the hub records no premiums.', 'migration', NOW(3))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `funding_policy_version`');
  }
}
