import { describe, expect, it } from 'vitest';
import { maskMobile, maskName, maskPlace } from '../src/personal-data.js';

describe('masking personal data', () => {
  it('keeps the province of a household place only when more follows it', () => {
    expect(maskPlace('安徽省阜阳市临泉县')).toBe('安徽省***');
    expect(maskPlace('安徽阜阳临泉')).toBe('安徽***');
    expect(maskPlace('内蒙古自治区包头市')).toBe('内蒙古自治区***');
    expect(maskPlace('广西壮族自治区南宁市')).toBe('广西壮族自治区***');
  });

  it('never shows a short place in full, nor its length', () => {
    expect(maskPlace('福清市')).toBe('福***');
    expect(maskPlace('临泉')).toBe('临***');
    expect(maskPlace('北京市朝阳区')).toBe('北京市***');
    for (const place of ['福清市', '义乌', '温州市鹿城区', '安徽省']) expect(maskPlace(place)).not.toContain(place);
  });

  it('masks names and mobiles', () => {
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('张')).toBe('*');
    expect(maskMobile('13812341234')).toBe('138****1234');
  });
});
