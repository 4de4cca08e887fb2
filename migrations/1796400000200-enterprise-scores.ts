import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit scores (src/scoring/store): the current score of each enterprise and the history of its
 * changes (a row per new model version or input hash). Filled by the profile pipeline; a
 * `profile rebuild` scores every enterprise.
 */
export class EnterpriseScores1796400000200 implements MigrationInterface {
  name = 'EnterpriseScores1796400000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const columns =
      '`model_version` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `as_of` date NOT NULL, `status` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `score` smallint UNSIGNED NULL, `grade` varchar(3) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, `probability_of_default` double NULL, `log_odds` double NULL, `present` smallint UNSIGNED NOT NULL, `sub_scores` longtext NOT NULL, `reasons` longtext NOT NULL, `missing` longtext NOT NULL, `input_hash` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `computed_at` datetime(3) NOT NULL';
    await queryRunner.query(
      `CREATE TABLE \`enterprise_score\` (\`uscc\` char(18) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, ${columns}, INDEX \`ix_enterprise_score_grade\` (\`grade\`), PRIMARY KEY (\`uscc\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`enterprise_score_history\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`uscc\` char(18) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, ${columns}, INDEX \`ix_enterprise_score_history_enterprise\` (\`uscc\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `enterprise_score_history`');
    await queryRunner.query('DROP TABLE `enterprise_score`');
  }
}
