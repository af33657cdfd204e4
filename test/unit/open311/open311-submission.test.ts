import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../shared/domain/errors.ts';
import { parseSubmission } from '../../../shared/domain/open311/open311-submission.ts';

const CLIENT = { id: '01JDQ8ZZZZZZZZZZZZZZZZZZZZ', name: '市民热线' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

const refusal = (fields: Record<string, string>) => {
  try {
    parseSubmission(form(fields), CLIENT);
  } catch (error) {
    return error;
  }
  throw new Error('accepted');
};

const paths = (error: unknown) => (error as ValidationError).errors.map((e) => e.path);

describe('an Open311 POST as a case', () => {
  it('makes a public case of the client, the submitter’s contact kept apart for the staff', () => {
    const parsed = parseSubmission(
      form({
        api_key: 'ignored-here',
        service_code: 'waterPollution',
        lat: '30.52',
        long: '114.31',
        address_string: '青山河东桥下',
        email: 'li@example.cn',
        phone: '+86 138 0000 0000',
        first_name: '丽',
        last_name: '李',
        device_id: 'dev-1',
        account_id: 'acc-9',
        description: '桥下有污水直排\n气味很重',
        media_url: 'https://img.example.cn/a.jpg',
      }),
      CLIENT,
    );
    expect(parsed.payload).toEqual({
      categoryId: 'waterPollution',
      title: '桥下有污水直排',
      description: '桥下有污水直排\n气味很重',
      location: { latitude: 30.52, longitude: 114.31, address: '青山河东桥下' },
      mediaIds: [],
      isPublic: true,
      showReporterName: false,
    });
    expect(parsed.viaClient).toEqual({
      channel: 'open311',
      clientId: CLIENT.id,
      clientName: '市民热线',
      submitter: {
        email: 'li@example.cn',
        phone: '+86 138 0000 0000',
        firstName: '丽',
        lastName: '李',
        deviceId: 'dev-1',
        accountId: 'acc-9',
      },
      address: '青山河东桥下',
      mediaUrl: 'https://img.example.cn/a.jpg',
    });
    expect(parsed.accountId).toBe('acc-9');
  });

  it('takes attribute[title], and names the service when there is no description at all', () => {
    const titled = parseSubmission(
      form({
        service_code: 'noise',
        lat: '30',
        long: '114',
        'attribute[title]': '夜间施工',
        description: 'x',
      }),
      CLIENT,
    );
    expect(titled.payload.title).toBe('夜间施工');
    const bare = parseSubmission(form({ service_code: 'noise', lat: '30', long: '114' }), CLIENT);
    expect(bare.payload.title).toBe('噪声问题 (Noise)');
    expect(bare.payload.description).toMatch(/未填写描述/);
  });

  it('accepts an address alone: the case has no coordinates, the address is what the staff go by', () => {
    const parsed = parseSubmission(
      form({ service_code: 'dust', address_string: '和平大道 88 号工地' }),
      CLIENT,
    );
    expect(parsed.payload.location).toBeUndefined();
    expect(parsed.viaClient.address).toBe('和平大道 88 号工地');
  });

  it('refuses a request without a usable location, naming lat', () => {
    expect(paths(refusal({ service_code: 'dust' }))).toEqual(['/body/lat']);
    expect(paths(refusal({ service_code: 'dust', address_id: 'A-1' }))).toEqual(['/body/lat']);
    expect(paths(refusal({ service_code: 'dust', lat: '30' }))).toEqual(['/body/long']);
  });

  it('refuses bad fields all at once, each by its parameter name', () => {
    const error = refusal({
      service_code: 'dust',
      lat: '91',
      long: 'east',
      email: 'not-an-email',
      description: '长'.repeat(4001),
      media_url: 'ftp://files.example.cn/x.jpg',
      'attribute[colour]': 'red',
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect(paths(error).sort()).toEqual(
      [
        '/body/attribute[colour]',
        '/body/description',
        '/body/email',
        '/body/lat',
        '/body/long',
        '/body/media_url',
      ].sort(),
    );
  });

  it('refuses a link with credentials in it and a parameter given twice', () => {
    expect(
      paths(refusal({ service_code: 'dust', address_string: 'x', media_url: 'https://u:p@h.cn/' })),
    ).toEqual(['/body/media_url']);
    const twice = new URLSearchParams('service_code=dust&address_string=a&address_string=b');
    expect(() => parseSubmission(twice, CLIENT)).toThrow(ValidationError);
  });

  it('answers a missing service_code with 400 and an unknown one with 404', () => {
    expect(paths(refusal({ lat: '30', long: '114' }))).toEqual(['/body/service_code']);
    expect(refusal({ service_code: 'potholes', lat: '30', long: '114' })).toBeInstanceOf(NotFoundError);
  });

  it('treats empty parameters as absent, as the spec says', () => {
    const parsed = parseSubmission(
      form({ service_code: 'noise', lat: '30', long: '114', email: '', description: '' }),
      CLIENT,
    );
    expect(parsed.viaClient.submitter).toBeUndefined();
  });
});
