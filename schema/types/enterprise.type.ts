import { Field, ObjectType } from 'type-graphql';

/**
 * An enterprise known to the hub, by its USCC. The profile, its fields and changes, financing and
 * the access log are fields resolved by their own resolvers (`@Resolver(() => EnterpriseType)`).
 */
@ObjectType('Enterprise', { description: 'An enterprise known to the hub, identified by its 统一社会信用代码 (USCC).' })
export class EnterpriseType {
  @Field(() => String, { description: 'The 18-character unified social credit code.' })
  uscc!: string;
}
