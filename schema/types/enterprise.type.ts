import { Field, ObjectType } from 'type-graphql';

/**
 * An enterprise known to the hub, by its USCC. The profile, its fields and changes, financing and
 * the access log are fields resolved by their own resolvers (`@Resolver(() => EnterpriseType)`).
 */
@ObjectType('Enterprise', { description: 'An enterprise known to the hub, identified by its 统一社会信用代码 (USCC).' })
export class EnterpriseType {
  @Field(() => String, { description: 'The 18-character unified social credit code.' })
  uscc!: string;

  @Field(() => String, { nullable: true, description: "Registered name (public registry data) as of the profile's as-of date; null when the registry has none for that date." })
  name!: string | null;

  static of(uscc: string, name: string | null): EnterpriseType {
    return Object.assign(new EnterpriseType(), { uscc, name });
  }
}
